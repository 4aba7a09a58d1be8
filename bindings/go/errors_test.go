package dcsstatus

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestErrorKindsHaveTheCoresDistinctNamesAndMessages(t *testing.T) {
	names, messages := map[string]bool{}, map[string]bool{}
	for k := ErrNullPointer; int(k) < len(resultNames); k++ {
		if k.String() == "" || names[k.String()] || k.Error() == "" || messages[k.Error()] {
			t.Errorf("%d: name %q, message %q: empty or not distinct", k, k.String(), k.Error())
		}
		names[k.String()], messages[k.Error()] = true, true
	}
	if ErrUnknownName.String() != "unknown_name" || ErrInvalidUTF8.Error() != "the text is not valid UTF-8" {
		t.Errorf("%s: %s", ErrUnknownName.String(), ErrInvalidUTF8.Error())
	}
	if ErrorKind(0).String() != "ErrorKind(0)" || ErrorKind(1000).String() != "ErrorKind(1000)" || ErrorKind(1000).Error() != "ErrorKind(1000)" {
		t.Errorf("kinds that are not errors: %q %q", ErrorKind(0), ErrorKind(1000))
	}
}

func TestErrInvalidRetryAfterMatchesExactlyTheRetryAfterKinds(t *testing.T) {
	var group []string
	for k := ErrNullPointer; int(k) < len(resultNames); k++ {
		if errors.Is(k, ErrInvalidRetryAfter) != k.IsRetryAfter() {
			t.Errorf("%s: errors.Is(ErrInvalidRetryAfter) is not IsRetryAfter", k)
		}
		if k.IsRetryAfter() {
			group = append(group, k.String())
		}
	}
	if len(group) == 0 || ErrInvalidRetryAfter.Error() != strings.Join(group, "|") {
		t.Errorf("ErrInvalidRetryAfter: %q, group %v", ErrInvalidRetryAfter, group)
	}
	if ErrInvalidUTF8.IsRetryAfter() || !ErrRetryAfterInvalidDelay.IsRetryAfter() {
		t.Error("the core groups invalid UTF-8 with the Retry-After errors")
	}
}

func TestInputErrorMatchesItsKindOnly(t *testing.T) {
	_, err := FromName("teapot")
	var e *InputError
	var kind ErrorKind
	if !errors.As(err, &e) || e.Kind != ErrUnknownName || !errors.As(err, &kind) || kind != ErrUnknownName {
		t.Fatalf("%#v", err)
	}
	if !errors.Is(err, ErrUnknownName) || errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrInvalidRetryAfter) {
		t.Errorf("%v matches the wrong kinds", err)
	}
	want := `unknown status name "teapot": expected a DCS name ("NotFound"), an ident ("NOT_FOUND") or a reason phrase ("Not Found")`
	if err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

func TestNotAStatusCodeErrorsNameTheNumber(t *testing.T) {
	for _, f := range []func() error{
		func() error { _, err := Lookup(1234); return err },
		func() error { _, err := ClassOf(1234); return err },
		func() error { _, err := Decide(1234, nil, time.Unix(0, 0), true); return err },
	} {
		err := f()
		if !errors.Is(err, ErrNotAStatusCode) || !strings.HasPrefix(err.Error(), "1234 is not a status code") {
			t.Errorf("%v", err)
		}
	}
}

// heapPerCall is the bytes f allocates per call, on average over n calls.
func heapPerCall(n int, f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i++ {
		f()
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / uint64(n)
}

func TestErrorsStaySmallWhateverTheInput(t *testing.T) {
	now := time.Unix(1795521600, 0)
	for _, input := range []string{
		strings.Repeat("x", 4<<20),
		strings.Repeat("\x00", 4<<20),
		strings.Repeat("\xff", 4<<20),
		strings.Repeat("é", 2<<20),
	} {
		var errs []error
		used := heapPerCall(20, func() {
			_, e1 := FromName(input)
			_, e2 := ParseRetryAfter(input, now)
			errs = append(errs[:0], e1, e2)
		})
		for _, err := range errs {
			if err == nil || len(err.Error()) > 1024 {
				t.Errorf("%d-byte input: %d-byte message", len(input), len(err.Error()))
			}
		}
		if used > 8<<10 {
			t.Errorf("%d-byte input: the errors took %d bytes per call", len(input), used)
		}
	}
}
