package dcsstatus

// The canonical names and sentences of the retry policy's enums, copied from
// the core by load at init; indexed by value.
var (
	jitterNames            []string
	jitterSentences        []string
	retryCategoryNames     []string
	retryCategorySentences []string
	retryReasonNames       []string
	retryReasonSentences   []string
	stepActionNames        []string
	stepActionSentences    []string
)

// Jitter is how a retry policy draws a backoff delay below its ceiling
// (JitterFull, JitterEqual, JitterNone, JitterDecorrelated; RetryPolicy.BackoffMS
// gives the formulas). The zero value is none of them.
type Jitter uint32

// String is the core's canonical name: "full", "equal", "none" or
// "decorrelated"; "Jitter(n)" for any other value.
func (j Jitter) String() string { return enumString(jitterNames, int(j), "Jitter") }

// Explain is the core's sentence about the mode, e.g. "full jitter: a uniform
// draw between zero and the ceiling"; "" for a value that is not a Jitter.
func (j Jitter) Explain() string { return enumSentence(jitterSentences, int(j)) }

// ParseJitter is the jitter mode named name: "full", "equal", "none" or
// "decorrelated", exactly (case-sensitive). The only error is an *InputError of
// kind ErrUnknownJitter.
func ParseJitter(name string) (Jitter, error) {
	j, r := jitterFromName(name)
	if r != resultOK {
		return 0, newInputError(ErrorKind(r), name)
	}
	return j, nil
}

// RetryCategory is what kind of failure a retry answers; it picks the base
// delay and the budget's cost (RetryCategoryTransient, RetryCategoryThrottle,
// RetryCategoryBusy).
type RetryCategory uint32

// String is the core's canonical name: "transient", "throttle" or "busy";
// "RetryCategory(n)" for any other value.
func (c RetryCategory) String() string {
	return enumString(retryCategoryNames, int(c), "RetryCategory")
}

// Explain is the core's sentence about the category; "" for a value that is
// not a RetryCategory.
func (c RetryCategory) Explain() string { return enumSentence(retryCategorySentences, int(c)) }

// RetryReason is why a retry step decided as it did: the rule that matched, or
// what stopped the retry a rule allowed (RetryReasonNotAnError, ...,
// RetryReasonDeadline).
type RetryReason uint32

// String is the core's canonical name: "not_an_error", "max_attempts",
// "error_code", ..., "deadline"; "RetryReason(n)" for any other value.
func (r RetryReason) String() string { return enumString(retryReasonNames, int(r), "RetryReason") }

// Explain is the core's sentence about the reason, e.g. "the attempt just made
// was the last one the policy allows"; "" for a value that is not a
// RetryReason.
func (r RetryReason) Explain() string { return enumSentence(retryReasonSentences, int(r)) }

// StepAction is whether a retry step sends the request again (StepActionRetry,
// StepActionDoNotRetry).
type StepAction uint32

// String is the core's canonical name: "retry" or "do_not_retry";
// "StepAction(n)" for any other value.
func (a StepAction) String() string { return enumString(stepActionNames, int(a), "StepAction") }

// Explain is the core's sentence about the action; "" for a value that is not
// a StepAction.
func (a StepAction) Explain() string { return enumSentence(stepActionSentences, int(a)) }

// enumSentence is sentences[v], or "" when v has none.
func enumSentence(sentences []string, v int) string {
	if v >= 0 && v < len(sentences) {
		return sentences[v]
	}
	return ""
}
