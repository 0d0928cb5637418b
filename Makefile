# framewatch — see README.md. Every target works on a fresh clone.
GO        ?= go
SHARED    ?= ../shared
BENCH     := $(SHARED)/bench
OUT       ?= ./out
PKGS      := ./...

.PHONY: all build run test lint vet staticcheck race eval bench fuzz train-ner train-stance train-frames train-roles gazetteer clusters clean screenshots
.PHONY: beam beam-test bench-beam

all: build

build:
	$(GO) build -o bin/framewatch ./cmd/framewatch

# Analyse the bundled fixtures and write a full report to $(OUT)/latest.
# Exit code 3 means "finished, some documents failed": the fixtures contain
# deliberately bad files, so that is the expected outcome here.
run: build
	./bin/framewatch run --out $(OUT) --report-date 2024-06-20 fixtures/corpus; \
	  rc=$$?; if [ $$rc -ne 0 ] && [ $$rc -ne 3 ]; then exit $$rc; fi; \
	  echo "report: $(OUT)/latest/report.html"

test: vet staticcheck race beam-test

vet:
	$(GO) vet $(PKGS)

staticcheck:
	$(GO) tool staticcheck $(PKGS)

race:
	$(GO) test -race -shuffle=on -timeout 40m $(PKGS)

lint: vet staticcheck
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) mod tidy -diff
	cd beam && $(GO) mod tidy -diff

# framewatch-beam, the analysis on Apache Beam (beam/, its own module, so
# that the CLI's build stays as it is). Its first build compiles the Beam
# SDK: about 10 minutes and 1.5 GB of memory. beam-test runs without
# network or Docker (Prism in the test process); it is not built with
# -race, which would compile the SDK a second time.
beam:
	cd beam && $(GO) build -o ../bin/framewatch-beam ./cmd/framewatch-beam

beam-test:
	cd beam && $(GO) vet ./... && $(GO) test -shuffle=on -timeout 40m ./...

# framewatch-beam on Prism against framewatch run on one generated corpus
# (2,000 documents by default), with 1 and 2 processors. Prints "bench
# beam tokens_per_s" and "bench beam ratio_to_cli" lines.
BEAMDOCS ?= 2000
bench-beam: beam
	$(GO) run ./internal/tools/bench -docs $(BEAMDOCS) -beam bin/framewatch-beam $(BENCHFLAGS)

# Accuracy on the public evaluation sets in $(SHARED)/bench (never copied
# into the project). Prints "eval <set> <metric> <value>" lines.
eval:
	@if [ ! -d "$(BENCH)" ]; then echo "eval: $(BENCH) not found; the evaluation sets live in ../shared/bench beside the repository. Nothing to evaluate."; exit 0; fi
	$(GO) run ./internal/tools/evalner -conll $(BENCH)/conll2003
	$(GO) run ./internal/tools/evalquant -newsquant $(BENCH)/newsquant/NewsQuant.json
	$(GO) run ./internal/tools/evalstance -newsmtsc $(BENCH)/newsmtsc -basil $(BENCH)/basil-dev
	$(GO) run ./internal/tools/evallang -bench $(BENCH)
	$(GO) run ./internal/tools/evalframes -narrative $(BENCH)/narrative-dev

# Throughput and memory of the whole pipeline, with prose v3's own pipeline
# as a baseline in the same run. Prints "bench <what> <metric> <value>".
# BENCHFLAGS passes options, e.g. BENCHFLAGS="-docs 100000 -no-baseline"
# or "-mem 10000,100000" or "-scaling 1,2,4,8,16" (see go run ./internal/tools/bench -h).
bench:
	$(GO) run ./internal/tools/bench $(BENCHFLAGS)

# Short fuzzing of every parser (each target 10s).
fuzz:
	@for p in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$p 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$p $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 10s $$p || exit 1; \
	  done; done

# The README's screenshots of the fixtures' report.html and report.pdf
# (needs chromium and poppler-utils).
screenshots: build
	rm -rf $(OUT)/screens; ./bin/framewatch run --no-state --out $(OUT)/screens --report-date 2024-06-20 fixtures/corpus; \
	  rc=$$?; if [ $$rc -ne 0 ] && [ $$rc -ne 3 ]; then exit $$rc; fi; \
	  ./docs/screenshots.sh $(OUT)/screens/latest docs/screenshots

# Rebuild the committed models from the training splits (reproducible).
train-ner:
	$(GO) run ./internal/tools/trainner -conll $(BENCH)/conll2003 -out stages/entities/model/ner.bin.gz

# The NER model's large gazetteers, from Debian's WordNet and iso-codes
# packages (installed here, at build time; nothing is read at run time).
# The generated stages/entities/ner/gazetteer/ext-*.txt are committed.
gazetteer:
	dpkg -s wordnet-base iso-codes >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wordnet-base iso-codes)
	$(GO) run ./internal/tools/gazetteer -wordnet /usr/share/wordnet -iso /usr/share/iso-codes/json -out stages/entities/ner/gazetteer

# The NER model's word classes, induced from the bench sets' unlabelled
# training and development text (never eng.testb); committed as
# stages/entities/ner/clusters.txt. Run before train-ner when it changes.
clusters:
	$(GO) run ./internal/tools/clusters -bench $(BENCH) -out stages/entities/ner/clusters.txt

train-stance:
	$(GO) run ./internal/tools/trainstance -newsmtsc $(BENCH)/newsmtsc -out stages/stance/model/stance.tsv.gz

train-frames:
	$(GO) run ./internal/tools/trainframes -narrative $(BENCH)/narrative-dev -out stages/frames/model/news.tsv.gz

train-roles:
	$(GO) run ./internal/tools/trainroles -narrative $(BENCH)/narrative-dev -out stages/roles/model/roles.tsv.gz

clean:
	rm -rf bin $(OUT)
