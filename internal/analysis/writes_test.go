package analysis_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/framewatch/framewatch/internal/analysis"
	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/pipeline/ingest"
)

// TestStagesWriteWhatTheyDeclare runs the stage chain on the fixtures one
// stage at a time and compares each document before and after every
// stage: a stage may change only the fields it declares
// (pipeline.Writer), and no field is declared by two stages, so each datum
// shared between stages has one owner.
func TestStagesWriteWhatTheyDeclare(t *testing.T) {
	stages, err := analysis.Stages(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	declared := make([][]string, len(stages))
	for i, st := range stages {
		w, ok := st.(pipeline.Writer)
		if !ok {
			t.Errorf("stage %s declares no fields (pipeline.Writer)", st.Name())
			continue
		}
		declared[i] = w.Writes()
		for _, p := range declared[i] {
			if o, dup := owner[p]; dup {
				t.Errorf("%s is declared by %s and %s", p, o, st.Name())
			}
			owner[p] = st.Name()
		}
	}
	src := &ingest.Source{Paths: []string{"../../fixtures/corpus"}, Config: pipeline.DefaultConfig().Ingest}
	var docs []*pipeline.Doc
	if err := src.Docs(context.Background(), func(d *pipeline.Doc) error {
		d.Seq = len(docs)
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	written := make([]map[string]bool, len(stages))
	for i := range written {
		written[i] = map[string]bool{}
	}
	for _, d := range docs {
		for i, st := range stages {
			if d.Status != pipeline.StatusOK {
				break // the runner gives only ok documents to stages
			}
			before := deepCopy(reflect.ValueOf(d).Elem())
			if err := st.Process(context.Background(), d); err != nil {
				t.Fatalf("%s on %s: %v", st.Name(), d.ID, err)
			}
			for _, p := range diff(before, reflect.ValueOf(d).Elem(), "") {
				written[i][p] = true
			}
		}
	}
	for i, st := range stages {
		var got []string
		for p := range written[i] {
			got = append(got, p)
		}
		slices.Sort(got)
		for _, p := range got {
			if !covered(p, declared[i]) {
				t.Errorf("stage %s writes %s, which it does not declare (it declares %v)", st.Name(), p, declared[i])
			}
		}
		t.Logf("%s writes %v", st.Name(), got)
	}
}

// covered reports whether the changed path p lies under a declared path.
func covered(p string, decl []string) bool {
	for _, d := range decl {
		if p == d || strings.HasPrefix(p, d+".") || strings.HasPrefix(p, d+"[]") {
			return true
		}
	}
	return false
}

// diff lists the paths of the fields that differ between a and b, slice
// and map indices written as "[]".
func diff(a, b reflect.Value, path string) []string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return []string{path}
			}
			return nil
		}
		return diff(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		var out []string
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			p := f.Name
			if path != "" {
				p = path + "." + f.Name
			}
			out = append(out, diff(a.Field(i), b.Field(i), p)...)
		}
		return out
	case reflect.Slice:
		if a.Len() != b.Len() || a.IsNil() != b.IsNil() {
			return []string{path}
		}
		var out []string
		for i := range a.Len() {
			out = append(out, diff(a.Index(i), b.Index(i), path+"[]")...)
		}
		return out
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return []string{path}
		}
		return nil
	}
}

// deepCopy copies v, following pointers, slices and maps.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return c
	default:
		return v
	}
}
