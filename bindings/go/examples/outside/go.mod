module example.com/dcsstatus-outside

go 1.22

require github.com/dcs-status/dcs-status/bindings/go v0.0.0

replace github.com/dcs-status/dcs-status/bindings/go => ../..
