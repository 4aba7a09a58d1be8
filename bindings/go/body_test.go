package dcsstatus

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// timeZero is Unix time 0.
var timeZero = time.Unix(0, 0)

// dcsBody is a DCS error body, as the API reference documents it.
const dcsBody = `{"error_msg":"the instance is restarting.","error_code":"DCS.4111","error_ext_msg":null}`

func TestParseErrorBodyOfADCSBody(t *testing.T) {
	b := ParseErrorBody([]byte(dcsBody))
	want := ErrorBody{
		ErrorCode: "DCS.4111", HasErrorCode: true,
		ErrorMsg: "the instance is restarting.", HasErrorMsg: true,
	}
	entry, err := LookupErrorCode("DCS.4111")
	if err != nil {
		t.Fatal(err)
	}
	want.Catalogue = entry
	if b != want {
		t.Fatalf("got  %+v\nwant %+v", b, want)
	}
	if b.Catalogue.Advice() != ErrorAdviceRetryLater {
		t.Errorf("advice %v", b.Catalogue.Advice())
	}
}

func TestParseErrorBodyNeverFails(t *testing.T) {
	for _, body := range [][]byte{nil, {}, []byte("<html>502</html>"), []byte("\xff\xfe"), []byte(strings.Repeat("[", 1<<20))} {
		if b := ParseErrorBody(body); b != (ErrorBody{}) {
			t.Errorf("%.20q: %+v", body, b)
		}
	}
}

// Texts longer than the first buffer take a second cgo call, with a buffer of
// the size the first one measured.
func TestLongTextsAreDecodedWhole(t *testing.T) {
	msg := strings.Repeat("é\\n", 3000) // 6 bytes of JSON, 3 decoded, per repetition
	decoded := strings.Repeat("é\n", 3000)
	body := []byte(`{"error_code":"DCS.4111","error_msg":"` + msg + `","error_ext_msg":"` + msg + `"}`)
	b := ParseErrorBody(body)
	if b.ErrorMsg != decoded || b.ErrorExtMsg != decoded || b.ErrorCode != "DCS.4111" {
		t.Fatalf("%d and %d bytes, code %q", len(b.ErrorMsg), len(b.ErrorExtMsg), b.ErrorCode)
	}
	// A response keeps each text up to 4096 bytes (never half a character).
	e, err := HTTPErrorFromResponse(400, nil, body, timeZero, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{e.ErrorMsg, e.ErrorExtMsg} {
		if len(s) > 4096 || len(s) < 4090 || !strings.HasPrefix(decoded, s) || !utf8.ValidString(s) {
			t.Errorf("a %d-byte text", len(s))
		}
	}
	if !strings.HasPrefix(e.Error(), "400 Bad Request, DCS name BadRequest: DCS.4111 the instance is restarting.") ||
		len(e.Error()) > maxMessage {
		t.Errorf("%d bytes: %.200q", len(e.Error()), e.Error())
	}
}

func TestParseErrorBodyTextsAreCopies(t *testing.T) {
	body := []byte(dcsBody)
	b := ParseErrorBody(body)
	for i := range body {
		body[i] = 'x'
	}
	if b.ErrorCode != "DCS.4111" || b.ErrorMsg != "the instance is restarting." {
		t.Fatalf("the texts changed with the body: %+v", b)
	}
}
