package dcsstatus

import (
	"errors"
	"math"
	"testing"
	"time"
)

// FuzzStep drives RetryPolicy.Step with any policy, input and budget, the
// overflow region first (attempt math.MaxUint32, huge durations, NaN and
// infinite draws, now at the int64 limits). It checks what Go adds: no crash,
// an error only for an unknown Jitter, the step's fields consistent with each
// other and with the budget, a short ASCII log line.
func FuzzStep(f *testing.F) {
	nan, inf := math.NaN(), math.Inf(1)
	randoms := []float64{0, 0.5, 0.999, 1, -0.25, nan, inf, -inf, math.SmallestNonzeroFloat64, math.Nextafter(1, 0)}
	attempts := []uint32{0, 1, 2, 3, 31, 63, 64, 65, math.MaxUint32 - 1, math.MaxUint32}
	statuses := []int{math.MinInt, 0, 99, 200, 400, 408, 413, 429, 500, 502, 503, 504, 599, 600, 999, 1000, math.MaxInt}
	huge := []uint64{0, 1, 50, 20000, 1 << 53, math.MaxUint64 / 3, math.MaxUint64}
	texts := []string{"", "0", "120", "99999999999999999999999999", "Sun, 31 Dec 9999 23:59:59 GMT", "DCS.4111", "DCS.4855", "\xff"}
	for i := range 64 {
		f.Add(attempts[i%len(attempts)], statuses[i%len(statuses)], texts[i%len(texts)], texts[(i+5)%len(texts)],
			i%2 == 0, boundaryNows[i%len(boundaryNows)], randoms[i%len(randoms)], i%3 != 0,
			huge[i%len(huge)], int64(huge[(i+1)%len(huge)]>>1)*int64(1-2*(i%2)), i%4 == 0,
			attempts[(i+3)%len(attempts)], uint32(i%6), huge[(i+2)%len(huge)], huge[(i+4)%len(huge)], huge[(i+3)%len(huge)],
			uint32(i*37))
	}
	f.Fuzz(func(t *testing.T, attempt uint32, status int, retryAfter, errorCode string, idempotent bool,
		now int64, random float64, hasRandom bool, previousMS uint64, timeLeft int64, hasTimeLeft bool,
		maxAttempts, jitter uint32, base, capMS, maxRetryAfterS uint64, tokens uint32) {
		p := RetryPolicy{MaxAttempts: maxAttempts, Jitter: Jitter(jitter), BaseTransientMS: base,
			BaseThrottleMS: base / 2, BaseBusyMS: base * 2, CapMS: capMS, MaxRetryAfterS: maxRetryAfterS}
		in := StepInput{Attempt: attempt, Status: status, RetryAfter: retryAfter, ErrorCode: errorCode,
			Idempotent: idempotent, Now: time.Unix(now, 0), Random: random, HasRandom: hasRandom,
			PreviousDelayMS: previousMS, TimeLeft: time.Duration(timeLeft), HasTimeLeft: hasTimeLeft}
		budget := NewRetryBudgetWithTokens(500, 14, 5, tokens)
		defer budget.Close()
		before := budget.Tokens()

		s, err := p.Step(in, budget)
		if unknown := errors.Is(p.Validate(), ErrUnknownJitter); (err != nil) != unknown {
			t.Fatalf("Step error %v, but Validate says %v", err, p.Validate())
		}
		if err != nil {
			if !errors.Is(err, ErrUnknownJitter) || budget.Tokens() != before {
				t.Fatalf("%v, tokens %d -> %d", err, before, budget.Tokens())
			}
			return
		}
		if s.Delay != msToDuration(s.DelayMS) || s.Attempt != max(attempt, 1) || s.MaxAttempts != maxAttempts || s.Status != status {
			t.Fatalf("inconsistent step %+v", s)
		}
		switch {
		case s.Action == StepActionDoNotRetry:
			if s.DelayMS != 0 || budget.Tokens() != before {
				t.Fatalf("%+v: a refusal with a delay, or paid (%d -> %d)", s, before, budget.Tokens())
			}
		case s.Action != StepActionRetry || !s.HasCategory:
			t.Fatalf("%+v", s)
		case s.Reason == RetryReasonRetryAfter:
			if !s.HasRetryAfter || s.Category != RetryCategoryThrottle || s.RetryAfter > secondsToDuration(maxRetryAfterS) {
				t.Fatalf("%+v: beyond MaxRetryAfterS %d", s, maxRetryAfterS)
			}
		case s.DelayMS > capMS:
			t.Fatalf("%+v: a backoff delay above the cap %d", s, capMS)
		}
		if s.IsRetry() && hasTimeLeft && s.DelayMS > durationMS(in.TimeLeft) {
			t.Fatalf("%+v: past the deadline, %v left", s, in.TimeLeft)
		}
		if !s.HasTokensAfter || s.TokensAfter != budget.Tokens() || s.TokensAfter > budget.Capacity() {
			t.Fatalf("%+v: the budget holds %d", s, budget.Tokens())
		}
		if got := budget.RecordSuccess(&s); got > budget.Capacity() || got < s.TokensAfter {
			t.Fatalf("%+v: RecordSuccess gives %d", s, got)
		}
		line := s.String()
		if line == "" || len(line) > logLineMax {
			t.Fatalf("log line %q", line)
		}
		for i := 0; i < len(line); i++ {
			if line[i] >= 0x80 {
				t.Fatalf("log line not ASCII: %q", line)
			}
		}
	})
}
