package dcsstatus

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The shared vectors of the retry policy, tests/vectors/retry_steps.json: every
// section, one subtest per case.

type vectorPolicy struct {
	MaxAttempts     uint32 `json:"max_attempts"`
	Jitter          string `json:"jitter"`
	BaseTransientMS uint64 `json:"base_transient_ms"`
	BaseThrottleMS  uint64 `json:"base_throttle_ms"`
	BaseBusyMS      uint64 `json:"base_busy_ms"`
	CapMS           uint64 `json:"cap_ms"`
	MaxRetryAfterS  uint64 `json:"max_retry_after_s"`
}

type vectorBudget struct {
	Capacity     uint32 `json:"capacity"`
	RetryCost    uint32 `json:"retry_cost"`
	ThrottleCost uint32 `json:"throttle_cost"`
	Tokens       uint32 `json:"tokens"`
}

type vectorInput struct {
	Attempt         uint32  `json:"attempt"`
	Status          int     `json:"status"`
	RetryAfter      *string `json:"retry_after"`
	ErrorCode       *string `json:"error_code"`
	Idempotent      bool    `json:"idempotent"`
	Now             int64   `json:"now"`
	Random          float64 `json:"random"`
	PreviousDelayMS uint64  `json:"previous_delay_ms"`
	TimeLeftMS      *uint64 `json:"time_left_ms"`
	// UnreplayableBody has no default: a vector without it fails to match.
	UnreplayableBody *bool `json:"unreplayable_body"`
}

type vectorStep struct {
	Action      string  `json:"action"`
	DelayMS     uint64  `json:"delay_ms"`
	Category    *string `json:"category"`
	Reason      string  `json:"reason"`
	TokensAfter *uint32 `json:"tokens_after"`
	LogLine     string  `json:"log_line"`
}

type vectorNamed struct {
	Name     string `json:"name"`
	Sentence string `json:"sentence"`
}

type retryVectors struct {
	About         string       `json:"about"`
	DefaultPolicy vectorPolicy `json:"default_policy"`
	DefaultBudget vectorBudget `json:"default_budget"`
	Steps         []struct {
		Note     string        `json:"note"`
		Policy   vectorPolicy  `json:"policy"`
		Budget   *vectorBudget `json:"budget"`
		Input    vectorInput   `json:"input"`
		Expected vectorStep    `json:"expected"`
	} `json:"steps"`
	Delays []struct {
		Note       string       `json:"note"`
		Policy     vectorPolicy `json:"policy"`
		Category   string       `json:"category"`
		Retry      uint32       `json:"retry"`
		Random     float64      `json:"random"`
		PreviousMS uint64       `json:"previous_ms"`
		DelayMS    uint64       `json:"delay_ms"`
	} `json:"delays"`
	BudgetSequences []struct {
		Note   string       `json:"note"`
		Policy vectorPolicy `json:"policy"`
		Budget vectorBudget `json:"budget"`
		Events []struct {
			Step        *vectorInput `json:"step"`
			Expected    *vectorStep  `json:"expected"`
			Success     string       `json:"success"`
			TokensAfter *uint32      `json:"tokens_after"`
		} `json:"events"`
	} `json:"budget_sequences"`
	Validation struct {
		Policies []struct {
			Policy vectorPolicy `json:"policy"`
			Error  *string      `json:"error"`
		} `json:"policies"`
		Inputs []struct {
			Input vectorInput `json:"input"`
			Error *string     `json:"error"`
		} `json:"inputs"`
		JitterNames []struct {
			Name   string  `json:"name"`
			Jitter *string `json:"jitter"`
		} `json:"jitter_names"`
	} `json:"validation"`
	Names struct {
		Reasons     []vectorNamed `json:"reasons"`
		Categories  []vectorNamed `json:"categories"`
		Actions     []vectorNamed `json:"actions"`
		Jitters     []vectorNamed `json:"jitters"`
		InputErrors []vectorNamed `json:"input_errors"`
	} `json:"names"`
}

func (p vectorPolicy) policy(t *testing.T) RetryPolicy {
	t.Helper()
	j, err := ParseJitter(p.Jitter)
	if err != nil {
		t.Fatal(err)
	}
	return RetryPolicy{
		MaxAttempts: p.MaxAttempts, Jitter: j, BaseTransientMS: p.BaseTransientMS,
		BaseThrottleMS: p.BaseThrottleMS, BaseBusyMS: p.BaseBusyMS, CapMS: p.CapMS, MaxRetryAfterS: p.MaxRetryAfterS,
	}
}

func (b vectorBudget) budget(t *testing.T) *RetryBudget {
	rb := NewRetryBudgetWithTokens(b.Capacity, b.RetryCost, b.ThrottleCost, b.Tokens)
	t.Cleanup(rb.Close)
	return rb
}

func (in vectorInput) input() StepInput {
	s := StepInput{
		Attempt: in.Attempt, Status: in.Status, Idempotent: in.Idempotent, Now: time.Unix(in.Now, 0),
		Random: in.Random, HasRandom: true, PreviousDelayMS: in.PreviousDelayMS,
	}
	if in.RetryAfter != nil {
		s.RetryAfter = *in.RetryAfter
	}
	if in.ErrorCode != nil {
		s.ErrorCode = *in.ErrorCode
	}
	if in.TimeLeftMS != nil {
		s.TimeLeft, s.HasTimeLeft = time.Duration(*in.TimeLeftMS)*time.Millisecond, true
	}
	if in.UnreplayableBody == nil {
		panic("a step vector's input has no unreplayable_body")
	}
	s.UnreplayableBody = *in.UnreplayableBody
	return s
}

// wantStep checks a step against the vectors' expectation.
func wantStep(t *testing.T, got RetryStep, want vectorStep) {
	t.Helper()
	category := ""
	if got.HasCategory {
		category = got.Category.String()
	}
	wantCategory := ""
	if want.Category != nil {
		wantCategory = *want.Category
	}
	if got.Action.String() != want.Action || got.DelayMS != want.DelayMS || got.Delay != msToDuration(want.DelayMS) ||
		category != wantCategory || got.Reason.String() != want.Reason || got.IsRetry() != (want.Action == "retry") {
		t.Errorf("got %v %d ms (%v) %q %v, want %v %d ms %q %v",
			got.Action, got.DelayMS, got.Delay, category, got.Reason, want.Action, want.DelayMS, wantCategory, want.Reason)
	}
	if got.HasTokensAfter != (want.TokensAfter != nil) || (want.TokensAfter != nil && got.TokensAfter != *want.TokensAfter) {
		t.Errorf("tokens after: got %d (%v), want %v", got.TokensAfter, got.HasTokensAfter, want.TokensAfter)
	}
	if s := got.String(); s != want.LogLine {
		t.Errorf("log line:\n got %q\nwant %q", s, want.LogLine)
	}
}

func runRetryStepVectors(t *testing.T, file string) {
	data, err := os.ReadFile(filepath.Join(vectorsDir, file))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var v retryVectors
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(v.Steps) == 0 || len(v.Delays) == 0 || len(v.BudgetSequences) == 0 {
		t.Fatalf("%s: a section has no cases", file)
	}

	t.Run("defaults", func(t *testing.T) {
		if got, want := DefaultRetryPolicy(), v.DefaultPolicy.policy(t); got != want {
			t.Errorf("DefaultRetryPolicy() = %+v, want %+v", got, want)
		}
		b := NewDefaultRetryBudget()
		defer b.Close()
		d := v.DefaultBudget
		if b.Capacity() != d.Capacity || b.Tokens() != d.Capacity || b.RetryCost() != d.RetryCost || b.ThrottleCost() != d.ThrottleCost {
			t.Errorf("NewDefaultRetryBudget: %d/%d tokens, costs %d and %d; want %+v",
				b.Tokens(), b.Capacity(), b.RetryCost(), b.ThrottleCost(), d)
		}
	})

	t.Run("steps", func(t *testing.T) {
		for i, c := range v.Steps {
			t.Run(caseName(i, c.Note), func(t *testing.T) {
				var budget *RetryBudget
				if c.Budget != nil {
					budget = c.Budget.budget(t)
				}
				got, err := c.Policy.policy(t).Step(c.Input.input(), budget)
				if err != nil {
					t.Fatal(err)
				}
				wantStep(t, got, c.Expected)
				if budget != nil && budget.Tokens() != got.TokensAfter {
					t.Errorf("the budget holds %d tokens, the step says %d", budget.Tokens(), got.TokensAfter)
				}
			})
		}
	})

	t.Run("delays", func(t *testing.T) {
		for i, c := range v.Delays {
			t.Run(caseName(i, c.Note), func(t *testing.T) {
				category := retryCategoryNamed(t, c.Category)
				got, err := c.Policy.policy(t).BackoffMS(category, c.Retry, c.Random, c.PreviousMS)
				if err != nil || got != c.DelayMS {
					t.Errorf("BackoffMS = %d, %v; want %d", got, err, c.DelayMS)
				}
			})
		}
	})

	t.Run("budget_sequences", func(t *testing.T) {
		for i, c := range v.BudgetSequences {
			t.Run(caseName(i, c.Note), func(t *testing.T) {
				policy := c.Policy.policy(t)
				budget := c.Budget.budget(t)
				var last *RetryStep
				for j, e := range c.Events {
					switch {
					case e.Step != nil && e.Expected != nil:
						s, err := policy.Step(e.Step.input(), budget)
						if err != nil {
							t.Fatal(err)
						}
						wantStep(t, s, *e.Expected)
						last = &s
					case e.Success == "first_attempt" && e.TokensAfter != nil:
						if got := budget.RecordSuccess(nil); got != *e.TokensAfter {
							t.Errorf("event %d: RecordSuccess(nil) = %d, want %d", j, got, *e.TokensAfter)
						}
					case e.Success == "after_last_step" && e.TokensAfter != nil && last != nil:
						if got := budget.RecordSuccess(last); got != *e.TokensAfter {
							t.Errorf("event %d: RecordSuccess(last) = %d, want %d", j, got, *e.TokensAfter)
						}
					default:
						t.Fatalf("event %d: not a step or a success this runner knows", j)
					}
					if e.TokensAfter != nil && budget.Tokens() != *e.TokensAfter {
						t.Errorf("event %d: the budget holds %d tokens, want %d", j, budget.Tokens(), *e.TokensAfter)
					}
				}
			})
		}
	})

	t.Run("validation", func(t *testing.T) {
		for i, c := range v.Validation.Policies {
			t.Run(caseName(i, c.Policy), func(t *testing.T) {
				wantValidation(t, c.Policy.policy(t).Validate(), c.Error)
			})
		}
		for i, c := range v.Validation.Inputs {
			t.Run(caseName(i, c.Input), func(t *testing.T) {
				wantValidation(t, c.Input.input().Validate(), c.Error)
			})
		}
		for i, c := range v.Validation.JitterNames {
			t.Run(caseName(i, c.Name), func(t *testing.T) {
				j, err := ParseJitter(c.Name)
				if c.Jitter == nil {
					wantKind(t, ErrUnknownJitter.String(), err)
					return
				}
				if err != nil || j.String() != *c.Jitter {
					t.Errorf("ParseJitter(%q) = %v, %v; want %s", c.Name, j, err, *c.Jitter)
				}
			})
		}
	})

	t.Run("names", func(t *testing.T) {
		type named interface {
			String() string
			Explain() string
		}
		check := func(t *testing.T, want []vectorNamed, value func(v uint32) named) {
			t.Helper()
			if len(want) == 0 {
				t.Fatal("no names")
			}
			for i, w := range want {
				// The enums are declared in this order, from 1.
				got := value(uint32(i + 1))
				if got.String() != w.Name || got.Explain() != w.Sentence {
					t.Errorf("value %d: %q %q, want %q %q", i+1, got.String(), got.Explain(), w.Name, w.Sentence)
				}
			}
			if s := value(uint32(len(want) + 1)).Explain(); s != "" {
				t.Errorf("a value past the last has the sentence %q", s)
			}
		}
		check(t, v.Names.Reasons, func(v uint32) named { return RetryReason(v) })
		check(t, v.Names.Categories, func(v uint32) named { return RetryCategory(v) })
		check(t, v.Names.Actions, func(v uint32) named { return StepAction(v) })
		check(t, v.Names.Jitters, func(v uint32) named { return Jitter(v) })
		for _, w := range v.Names.InputErrors {
			k := kindNamed(t, w.Name)
			if k.Error() != w.Sentence {
				t.Errorf("%s: %q, want %q", w.Name, k.Error(), w.Sentence)
			}
		}
	})
}

// wantValidation checks a Validate error against the vectors' error name.
func wantValidation(t *testing.T, err error, want *string) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Errorf("got %v, want no error", err)
		}
		return
	}
	if k := kindNamed(t, *want); err != k {
		t.Errorf("got %v, want %s", err, *want)
	}
}

// retryCategoryNamed is the RetryCategory the core names name.
func retryCategoryNamed(t *testing.T, name string) RetryCategory {
	t.Helper()
	for c := range retryCategoryNames {
		if c > 0 && retryCategoryNames[c] == name {
			return RetryCategory(c)
		}
	}
	t.Fatalf("the core has no retry category %q", name)
	return 0
}
