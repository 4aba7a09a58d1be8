package dcsstatus

import (
	"errors"
	"math"
	"net/http"
	"testing"
	"time"
)

func TestDurationsSaturateAtMaxInt64(t *testing.T) {
	for _, tc := range []struct {
		seconds uint64
		want    time.Duration
	}{
		{0, 0},
		{120, 2 * time.Minute},
		{maxSeconds, time.Duration(maxSeconds) * time.Second},
		{maxSeconds + 1, time.Duration(math.MaxInt64)},
		{math.MaxUint64, time.Duration(math.MaxInt64)},
	} {
		if got := secondsToDuration(tc.seconds); got != tc.want {
			t.Errorf("%d s: %v, want %v", tc.seconds, got, tc.want)
		}
	}
	d, err := ParseRetryAfter("18446744073709551616", time.Now())
	if err != nil || d != time.Duration(math.MaxInt64) {
		t.Errorf("huge delay: %v, %v", d, err)
	}
}

func TestParseRetryAfterTellsInvalidUTF8FromABadDelay(t *testing.T) {
	now := time.Unix(1795521600, 0)
	_, err := ParseRetryAfter("\xff", now)
	if !errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrRetryAfterInvalidDelay) || errors.Is(err, ErrInvalidRetryAfter) {
		t.Errorf("invalid UTF-8: %v", err)
	}
	_, err = ParseRetryAfter("-1", now)
	if !errors.Is(err, ErrRetryAfterInvalidDelay) || errors.Is(err, ErrInvalidUTF8) || !errors.Is(err, ErrInvalidRetryAfter) {
		t.Errorf("-1: %v", err)
	}
	_, err = ParseRetryAfter("", now)
	if !errors.Is(err, ErrRetryAfterEmpty) {
		t.Errorf("empty: %v", err)
	}
}

func TestAnEmptyRetryAfterIsPresentButCountsAsAbsent(t *testing.T) {
	now := time.Unix(1795521600, 0)
	d, err := Decide(429, http.Header{"Retry-After": {""}}, now, false)
	if err != nil || d != (Decision{Action: ActionRetryWithBackoff}) {
		t.Errorf("429 with empty Retry-After: %v, %v", d, err)
	}
}

func TestDecideResponseReadsTheRequestMethod(t *testing.T) {
	now := time.Unix(1795521600, 0)
	for _, tc := range []struct {
		req  *http.Request
		want Action
	}{
		{&http.Request{Method: http.MethodGet}, ActionRetryWithBackoff},
		{&http.Request{Method: ""}, ActionRetryWithBackoff}, // "" is GET for net/http
		{&http.Request{Method: http.MethodPost}, ActionDoNotRetry},
		{nil, ActionDoNotRetry}, // no request: not known to be idempotent
	} {
		d, err := DecideResponse(&http.Response{StatusCode: 502, Request: tc.req}, now)
		if err != nil || d.Action != tc.want {
			t.Errorf("%+v: %v, %v; want %v", tc.req, d, err, tc.want)
		}
	}
	if _, err := DecideResponse(nil, now); err != ErrNullPointer {
		t.Errorf("nil response: %v", err)
	}
	if _, err := Decide(1000, nil, now, true); !errors.Is(err, ErrNotAStatusCode) {
		t.Errorf("1000: %v", err)
	}
}

func TestDecisionStringIsTheCoresTextInSeconds(t *testing.T) {
	for _, tc := range []struct {
		d    Decision
		want string
	}{
		{Decision{ActionDoNotRetry, 0}, "do_not_retry"},
		{Decision{ActionRetryAfter, 2 * time.Minute}, "retry_after 120s"},
		{Decision{ActionRetryAfter, 1500 * time.Millisecond}, "retry_after 1s"},
		{Decision{ActionRetryAfter, time.Duration(math.MaxInt64)}, "retry_after 9223372036s"},
		{Decision{ActionRetryWithBackoff, 0}, "retry_with_backoff"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%#v: %q, want %q", tc.d, got, tc.want)
		}
	}
	if s := (Decision{}).String(); s == "" || s == "do_not_retry" {
		t.Errorf("the zero Decision: %q", s)
	}
}

func TestShouldRetryIsFalseOnlyForDoNotRetry(t *testing.T) {
	for a := range actionNames {
		if a == 0 {
			continue
		}
		d := Decision{Action: Action(a)}
		if d.ShouldRetry() != (d.Action != ActionDoNotRetry) {
			t.Errorf("%v: ShouldRetry %v", d.Action, d.ShouldRetry())
		}
	}
	if (Decision{}).ShouldRetry() {
		t.Error("the zero Decision says to retry")
	}
}
