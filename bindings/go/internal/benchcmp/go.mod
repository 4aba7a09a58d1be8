module github.com/dcs-status/dcs-status/bindings/go/internal/benchcmp

go 1.23

require (
	github.com/dcs-status/dcs-status/bindings/go v0.0.0
	github.com/hashicorp/go-retryablehttp v0.7.8
)

require github.com/hashicorp/go-cleanhttp v0.5.2 // indirect

replace github.com/dcs-status/dcs-status/bindings/go => ../..
