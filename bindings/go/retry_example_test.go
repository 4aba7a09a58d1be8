package dcsstatus_test

import (
	"fmt"
	"time"

	dcsstatus "github.com/dcs-status/dcs-status/bindings/go"
)

// A retry loop: after each failed attempt, ask the policy for the next step
// and print its log line. The random draws are injected so that the delays are
// the same every run (leave HasRandom unset in a program).
func ExampleRetryPolicy_Step() {
	policy := dcsstatus.DefaultRetryPolicy()
	budget := dcsstatus.NewDefaultRetryBudget()
	defer budget.Close()

	// What the server answered to each attempt of one idempotent request.
	responses := []struct {
		status     int
		retryAfter string
		errorCode  string
	}{
		{400, "", "DCS.4111"}, // the instance is restarting
		{503, "2", ""},        // Retry-After: 2
		{500, "", ""},         // the third attempt is the last
	}
	var previousMS uint64
	for i, r := range responses {
		step, err := policy.Step(dcsstatus.StepInput{
			Attempt:         uint32(i + 1),
			Status:          r.status,
			RetryAfter:      r.retryAfter,
			ErrorCode:       r.errorCode,
			Idempotent:      true,
			Random:          0.375,
			HasRandom:       true,
			PreviousDelayMS: previousMS,
		}, budget)
		if err != nil {
			panic(err) // only an unknown Jitter
		}
		fmt.Println(step)
		if !step.IsRetry() {
			break
		}
		previousMS = step.DelayMS
		// time.Sleep(step.Delay), then send the request again.
	}
	fmt.Println("tokens:", budget.Tokens())
	// Output:
	// retry 1 of 2 in 750 ms: DCS.4111 says try again later (busy)
	// retry 2 of 2 in 2000 ms: 503 Service Unavailable asks to wait 2 s (retry_after)
	// do not retry: 500 Internal Server Error on attempt 3, and max_attempts is 3 (max_attempts)
	// tokens: 481
}

// Reasons and categories have stable names and one sentence each.
func ExampleRetryReason() {
	fmt.Println(dcsstatus.RetryReasonBusy, "-", dcsstatus.RetryReasonBusy.Explain())
	fmt.Println(dcsstatus.RetryCategoryThrottle, "-", dcsstatus.RetryCategoryThrottle.Explain())
	// Output:
	// busy - the error code says to try again later: the instance is busy and the request had no effect
	// throttle - the server is limiting the request rate: back off from the throttle base delay
}

// Settings from people: parse the jitter mode, then validate the policy.
func ExampleRetryPolicy_Validate() {
	policy := dcsstatus.DefaultRetryPolicy()
	var err error
	if policy.Jitter, err = dcsstatus.ParseJitter("decorrelated"); err != nil {
		panic(err)
	}
	policy.CapMS = 10
	fmt.Println(policy.Validate())
	_, err = dcsstatus.ParseJitter("Full")
	fmt.Println(err)
	// Output:
	// cap_ms must be at least each base delay (base_transient_ms, base_throttle_ms, base_busy_ms)
	// unknown jitter mode "Full": expected full, equal, none or decorrelated
}

// A deadline: a retry whose delay would end past it is not made.
func ExampleStepInput_timeLeft() {
	step, _ := dcsstatus.DefaultRetryPolicy().Step(dcsstatus.StepInput{
		Attempt: 1, Status: 429, RetryAfter: "30", Now: time.Unix(1795521600, 0),
		TimeLeft: 10 * time.Second, HasTimeLeft: true,
	}, nil)
	fmt.Println(step.Reason, step.IsRetry())
	// Output:
	// deadline false
}
