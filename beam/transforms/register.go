package transforms

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// The SDK needs every DoFn, combiner, emitter and iterator registered, so
// that workers can rebuild the pipeline's functions without reflection.
func init() {
	register.DoFn4x1[context.Context, Input, func(Item), func(string), error](&ingestFn{})
	register.Function3x0(keyByHash)
	register.Function3x1(markDuplicates)
	register.DoFn2x2[context.Context, Item, Item, error](&analyseFn{})
	register.Function1x2(keyByOutlet)
	register.Combiner3[Partial, Item, Partial](&outletFn{})
	register.Combiner2[Partial, Partial](&corpusFn{})
	register.DoFn4x2[context.Context, []byte, func(*Partial) bool, func(*string) bool, string, error](&reportFn{})
	register.Emitter1[Item]()
	register.Emitter1[string]()
	register.Emitter2[string, Item]()
	register.Iter1[Item]()
	register.Iter1[Partial]()
	register.Iter1[string]()
}
