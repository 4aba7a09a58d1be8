package dcsstatus

import (
	"runtime"
	"sync/atomic"
)

// RetryBudget is a retry budget (the AWS SDKs' retry quota), which lives in
// the core: retries spend tokens, successes earn them back, and when too many
// requests fail it runs dry and stops the retries that would only add load.
//
// Safe for concurrent use: share one budget among every goroutine that talks to
// one service; the core changes it with one atomic operation, so the tokens
// never go below 0 or above the capacity and no update is lost. Close frees it
// (a finalizer does if Close is never called); Close must not race with
// another call on the budget. A nil or closed budget holds no tokens, and is
// no budget to Step.
type RetryBudget struct {
	h atomic.Pointer[budgetOpaque]
}

// NewRetryBudget is a new, full budget of capacity tokens, where a transient
// or busy retry costs retryCost and a throttle retry (429, or any Retry-After)
// throttleCost.
func NewRetryBudget(capacity, retryCost, throttleCost uint32) *RetryBudget {
	return wrapBudget(newBudget(capacity, retryCost, throttleCost, 0, true))
}

// NewRetryBudgetWithTokens is NewRetryBudget holding tokens instead of a full
// budget (more than capacity is read as capacity): to resume a saved state,
// or to test.
func NewRetryBudgetWithTokens(capacity, retryCost, throttleCost, tokens uint32) *RetryBudget {
	return wrapBudget(newBudget(capacity, retryCost, throttleCost, tokens, false))
}

// NewDefaultRetryBudget is a new, full budget with the core's defaults: 500
// tokens, 14 per transient or busy retry, 5 per throttle retry (the AWS SDKs'
// numbers).
func NewDefaultRetryBudget() *RetryBudget { return wrapBudget(newDefaultBudget()) }

func wrapBudget(h cBudget) *RetryBudget {
	b := &RetryBudget{}
	b.h.Store(toOpaque(h))
	runtime.SetFinalizer(b, (*RetryBudget).Close)
	return b
}

// handle is the C handle, nil for a nil or closed budget.
func (b *RetryBudget) handle() cBudget {
	if b == nil {
		return nil
	}
	return fromOpaque(b.h.Load())
}

// Close frees the budget. Closing it again, or a nil budget, does nothing.
func (b *RetryBudget) Close() {
	if b == nil {
		return
	}
	if h := b.h.Swap(nil); h != nil {
		freeBudget(fromOpaque(h))
		runtime.SetFinalizer(b, nil)
	}
}

// Tokens is the tokens the budget holds now (another goroutine may change them
// at any time).
func (b *RetryBudget) Tokens() uint32 {
	defer runtime.KeepAlive(b)
	return budgetTokens(b.handle())
}

// Capacity is the most tokens the budget can hold.
func (b *RetryBudget) Capacity() uint32 {
	defer runtime.KeepAlive(b)
	return budgetCapacity(b.handle())
}

// RetryCost is what a transient or busy retry costs.
func (b *RetryBudget) RetryCost() uint32 {
	defer runtime.KeepAlive(b)
	return budgetRetryCost(b.handle())
}

// ThrottleCost is what a throttle retry (429, or any Retry-After) costs.
func (b *RetryBudget) ThrottleCost() uint32 {
	defer runtime.KeepAlive(b)
	return budgetThrottleCost(b.handle())
}

// RecordSuccess records that a request succeeded and returns the tokens after.
// last is the last step of that request's retry loop, or nil if the first
// attempt succeeded:
//
//   - nil: 1 token is added;
//   - a retry paid from a budget: the cost of its category is refunded;
//   - any other step (the zero RetryStep too): nothing changes.
//
// Never above the capacity. A nil or closed budget returns 0.
func (b *RetryBudget) RecordSuccess(last *RetryStep) uint32 {
	defer runtime.KeepAlive(b)
	h := b.handle()
	if h == nil {
		return 0
	}
	tokens, r := budgetRecordSuccess(h, last)
	if r != resultOK {
		return budgetTokens(h) // a step Step did not make: nothing changed
	}
	return tokens
}
