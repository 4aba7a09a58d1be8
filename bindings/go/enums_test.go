package dcsstatus

import "testing"

func TestEnumsHaveTheCoresNames(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{ClassClientError.String(), "client_error"},
		{RetryAdviceModifyRequest.String(), "modify_request"},
		{LookupKindUnrecognized.String(), "unrecognized"},
		{ActionRetryWithBackoff.String(), "retry_with_backoff"},
		{Class(9).String(), "Class(9)"},
		{RetryAdvice(0).String(), "RetryAdvice(0)"},
		{LookupKind(-1).String(), "LookupKind(-1)"},
		{Action(4).String(), "Action(4)"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestOnlyClientAndServerErrorsAreErrors(t *testing.T) {
	for c := Class(-1); c <= ClassServerError+1; c++ {
		want := c == ClassClientError || c == ClassServerError
		if c.IsError() != want {
			t.Errorf("%v: IsError %v", c, c.IsError())
		}
	}
}
