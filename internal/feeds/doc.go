// Package feeds collects what outlets publish: it reads the RSS 2.0, Atom
// and JSON Feed documents listed in a feeds.yaml, fetches the articles they
// list, politely, and saves each page where framewatch's ingest reads it.
//
// The design, once:
//
//   - Politeness lives in one HTTP client (client.go): a User-Agent naming
//     framewatch and a contact, robots.txt and its Crawl-delay
//     (github.com/temoto/robotstxt), one rate limiter per host
//     (golang.org/x/time/rate) applied to every attempt, retries that honour
//     Retry-After (github.com/hashicorp/go-retryablehttp), timeouts, a body
//     limit, a redirect limit and gzip.
//   - The Store (store.go) only stores: an article is its HTML file, written
//     to a temporary name and renamed, plus its row in the folder's sidecar
//     manifest.csv, rewritten the same way. The manifest is the record of
//     what is saved; an HTML file it does not list (a run killed between the
//     two renames) is removed when the store opens, and fetched again.
//   - The Fetcher (fetch.go) decides: what is new (by canonical URL, then by
//     the text ingest will read), and when a feed's conditional-GET
//     validators may be kept. They are kept only once every item the feed
//     listed was saved or failed for good, so a run that is killed or meets
//     a passing error fetches the whole feed again next time and loses
//     nothing.
//   - Each run appends one Ledger (ledger.go) to the folder: per feed, the
//     items listed, new, fetched, extracted, failed (with reasons), whether
//     the feed was not modified, and whether it has gone silent for longer
//     than its usual interval.
//
// Everything a fetch keeps besides the articles lies in DIR/.feeds/, a
// hidden folder that ingest skips.
package feeds
