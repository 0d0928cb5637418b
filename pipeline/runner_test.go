package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/framewatch/framewatch/pipeline"
)

// sliceSource emits n documents whose text is their number.
func sliceSource(n int) pipeline.Source {
	return pipeline.SourceFunc(func(ctx context.Context, emit func(*pipeline.Doc) error) error {
		for i := range n {
			d := &pipeline.Doc{ID: fmt.Sprintf("d%04d", i), Text: fmt.Sprint(i)}
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	})
}

// jitter sleeps a random short time so that workers finish out of order.
type jitter struct{ name string }

func (j jitter) Name() string { return j.name }
func (j jitter) Process(ctx context.Context, d *pipeline.Doc) error {
	time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
	d.Clean += j.name
	return nil
}

type failEvery struct{ n int }

func (f failEvery) Name() string { return "fail" }
func (f failEvery) Process(ctx context.Context, d *pipeline.Doc) error {
	var i int
	fmt.Sscan(d.Text, &i)
	if i%f.n == 0 {
		return fmt.Errorf("fail: document %d", i)
	}
	return nil
}

type panicky struct{}

func (panicky) Name() string { return "panicky" }
func (panicky) Process(ctx context.Context, d *pipeline.Doc) error {
	if d.Text == "3" {
		panic("cannot handle document " + d.ID)
	}
	return nil
}

func collect(ids *[]string) pipeline.Sink {
	return pipeline.SinkFunc(func(ctx context.Context, d *pipeline.Doc) error {
		*ids = append(*ids, d.ID+"="+d.Clean)
		return nil
	})
}

func TestRunOrderIndependentOfWorkers(t *testing.T) {
	var want []string
	for _, workers := range []int{1, 2, 8} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			var got []string
			stages := []pipeline.Stage{jitter{"a"}, jitter{"b"}, jitter{"c"}}
			st, err := pipeline.Run(context.Background(), sliceSource(300), stages, collect(&got), pipeline.Options{Workers: workers})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if st.Docs != 300 {
				t.Errorf("Stats.Docs = %d, want 300", st.Docs)
			}
			for i, c := range st.Counters {
				if c.Docs != 300 || c.Stage != stages[i].Name() {
					t.Errorf("counter %d = %+v, want 300 docs for %s", i, c, stages[i].Name())
				}
			}
			for i, g := range got {
				if w := fmt.Sprintf("d%04d=abc", i); g != w {
					t.Fatalf("doc %d = %q, want %q", i, g, w)
				}
			}
			if want == nil {
				want = got
			} else if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("output with %d workers differs from 1 worker", workers)
			}
		})
	}
}

func TestRunRecordsStageErrorsAndContinues(t *testing.T) {
	var docs []*pipeline.Doc
	sink := pipeline.SinkFunc(func(ctx context.Context, d *pipeline.Doc) error {
		docs = append(docs, d)
		return nil
	})
	stages := []pipeline.Stage{failEvery{5}, panicky{}, jitter{"z"}}
	st, err := pipeline.Run(context.Background(), sliceSource(20), stages, sink, pipeline.Options{Workers: 4})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(docs) != 20 {
		t.Fatalf("sink got %d docs, want 20", len(docs))
	}
	// Documents 0, 5, 10, 15 fail the first stage; 3 panics in the second.
	if st.Failed != 5 {
		t.Errorf("Stats.Failed = %d, want 5", st.Failed)
	}
	if st.Counters[0].Failures != 4 || st.Counters[1].Failures != 1 {
		t.Errorf("failures per stage = %d, %d, want 4, 1", st.Counters[0].Failures, st.Counters[1].Failures)
	}
	for i, d := range docs {
		if !strings.HasSuffix(d.Clean, "z") {
			t.Errorf("doc %d did not reach the last stage", i)
		}
	}
	if e := docs[3].Errors; len(e) != 1 || e[0].Stage != "panicky" || !strings.Contains(e[0].Err, "panicked") {
		t.Errorf("doc 3 errors = %+v, want one panicky panic", e)
	}
}

func TestRunStrictStopsAtFirstFailure(t *testing.T) {
	var got []string
	_, err := pipeline.Run(context.Background(), sliceSource(1000), []pipeline.Stage{failEvery{7}}, collect(&got), pipeline.Options{Workers: 2, Strict: true})
	if !errors.Is(err, pipeline.ErrDocumentFailed) {
		t.Fatalf("Run strict error = %v, want ErrDocumentFailed", err)
	}
	if len(got) == 1000 {
		t.Errorf("strict run consumed every document")
	}
}

func TestRunSkipsUnusableAndCachedDocs(t *testing.T) {
	src := pipeline.SourceFunc(func(ctx context.Context, emit func(*pipeline.Doc) error) error {
		for _, d := range []*pipeline.Doc{
			{ID: "ok"},
			{ID: "empty", Status: pipeline.StatusSkipped, Reason: "empty file"},
			{ID: "cached", Cached: true},
			{ID: "bad", Status: pipeline.StatusFailed, Reason: "invalid utf-8"},
		} {
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	})
	var got []string
	st, err := pipeline.Run(context.Background(), src, []pipeline.Stage{jitter{"x"}}, collect(&got), pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "ok=x,empty=,cached=,bad="; strings.Join(got, ",") != want {
		t.Errorf("sink saw %q, want %q", strings.Join(got, ","), want)
	}
	if st.Counters[0].Docs != 1 || st.Failed != 1 {
		t.Errorf("stage docs = %d, failed = %d, want 1, 1", st.Counters[0].Docs, st.Failed)
	}
}

// blocker blocks until ctx is cancelled, as a slow stage would.
type blocker struct{ started *atomic.Int32 }

func (blocker) Name() string { return "block" }
func (b blocker) Process(ctx context.Context, d *pipeline.Doc) error {
	b.started.Add(1)
	<-ctx.Done()
	return ctx.Err()
}

func TestRunCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int32
	infinite := pipeline.SourceFunc(func(ctx context.Context, emit func(*pipeline.Doc) error) error {
		for i := 0; ; i++ {
			if err := emit(&pipeline.Doc{ID: fmt.Sprint(i)}); err != nil {
				return err
			}
		}
	})
	var got []string
	done := make(chan error, 1)
	go func() {
		_, err := pipeline.Run(ctx, infinite, []pipeline.Stage{blocker{&started}}, collect(&got), pipeline.Options{Workers: 4})
		done <- err
	}()
	for started.Load() < 4 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run after cancel = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancellation")
	}
}

func TestRunSourceAndSinkErrors(t *testing.T) {
	boom := errors.New("boom")
	src := pipeline.SourceFunc(func(ctx context.Context, emit func(*pipeline.Doc) error) error { return boom })
	var got []string
	if _, err := pipeline.Run(context.Background(), src, nil, collect(&got), pipeline.Options{}); !errors.Is(err, boom) {
		t.Errorf("source error: Run = %v, want boom", err)
	}
	sink := pipeline.SinkFunc(func(ctx context.Context, d *pipeline.Doc) error { return boom })
	if _, err := pipeline.Run(context.Background(), sliceSource(50), []pipeline.Stage{jitter{"a"}}, sink, pipeline.Options{Workers: 3}); !errors.Is(err, boom) {
		t.Errorf("sink error: Run = %v, want boom", err)
	}
}

func TestRunBoundsDocumentsInFlight(t *testing.T) {
	var emitted, consumed atomic.Int64
	var maxGap int64
	src := pipeline.SourceFunc(func(ctx context.Context, emit func(*pipeline.Doc) error) error {
		for i := range 500 {
			emitted.Add(1)
			if err := emit(&pipeline.Doc{ID: fmt.Sprint(i)}); err != nil {
				return err
			}
		}
		return nil
	})
	sink := pipeline.SinkFunc(func(ctx context.Context, d *pipeline.Doc) error {
		if gap := emitted.Load() - consumed.Load(); gap > maxGap {
			maxGap = gap
		}
		consumed.Add(1)
		time.Sleep(20 * time.Microsecond)
		return nil
	})
	if _, err := pipeline.Run(context.Background(), src, []pipeline.Stage{jitter{"a"}}, sink, pipeline.Options{Workers: 2, Window: 10}); err != nil {
		t.Fatal(err)
	}
	if maxGap > 11 {
		t.Errorf("documents in flight reached %d, want at most Window+1 = 11", maxGap)
	}
}
