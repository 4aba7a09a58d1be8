package dcsstatus

// ErrorBody is what an error response's body says, as the core reads it
// (ParseErrorBody): each text with its JSON escapes resolved, and whether the
// body had it at all. A text the body lacks, or holds as something other than
// a JSON string (null, a number), is "" with its Has... field false; an empty
// string the body sends is "" with Has... true.
type ErrorBody struct {
	// ErrorCode is the error code, as sent ("DCS.4855", "APIGW.0308").
	ErrorCode string
	// HasErrorCode reports whether the body has an error code.
	HasErrorCode bool
	// ErrorMsg is the error message, as sent.
	ErrorMsg string
	// HasErrorMsg reports whether the body has an error message.
	HasErrorMsg bool
	// ErrorExtMsg is the extended error message (DCS sends null: absent).
	ErrorExtMsg string
	// HasErrorExtMsg reports whether the body has an extended error message.
	HasErrorExtMsg bool
	// RequestID is the body's own top-level request_id (the API gateway sends
	// one). The response's request id, which prefers the X-Request-Id header,
	// is HTTPError.RequestID.
	RequestID string
	// HasRequestID reports whether the body has a request_id.
	HasRequestID bool
	// Catalogue is the catalogue's entry for ErrorCode (LookupErrorCode's
	// forgiving rule), or nil when the catalogue lacks it or there is no code.
	Catalogue *CatalogueEntry
}

// ParseErrorBody reads an error response's body, any bytes, by the core's rules
// (one cgo call; the Rust documentation of parse_error_body states them):
// error_code and error_msg, else errorCode and errorMsg, else code and message,
// else the same keys one level down in the body's first member that is an
// object ({"error": {"code": ..., "message": ...}}); error_ext_msg from the same
// object, request_id from the top level. It never fails: an empty body, text
// that is not JSON, JSON that is not an object, invalid UTF-8, an object cut
// short or nested too deep give an ErrorBody without a code. Time is linear in
// the body; the texts are copied into one allocation, never longer than the
// body.
func ParseErrorBody(body []byte) ErrorBody {
	d, catalogueIndex := parseErrorBody(body)
	texts, has, _ := d.texts()
	b := ErrorBody{
		ErrorCode: texts[0], HasErrorCode: has[0],
		ErrorMsg: texts[1], HasErrorMsg: has[1],
		ErrorExtMsg: texts[2], HasErrorExtMsg: has[2],
		RequestID: texts[3], HasRequestID: has[3],
	}
	if catalogueIndex >= 0 && catalogueIndex < len(catalogue) {
		b.Catalogue = &catalogue[catalogueIndex]
	}
	return b
}
