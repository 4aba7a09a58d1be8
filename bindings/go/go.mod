module github.com/dcs-status/dcs-status/bindings/go

go 1.22
