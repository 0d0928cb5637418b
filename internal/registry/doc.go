// Package registry is framewatch's outlet registry: canonical outlet names,
// their aliases and home countries.
//
// The default registry is an embedded data file (outlets.json) of real news
// outlets: wire services and agencies, international and European papers,
// broadcasters and state media, with aliases that cover spellings with and
// without "The", abbreviations, web domains and transliterations. A run's
// configuration can add entries (outlets.registry in the YAML file); they
// take precedence over the shipped ones.
//
// Lookup ignores case, diacritics, a leading "The", punctuation and
// spacing, so "the new york times", "New York Times" and "NYT" all find "The New York
// Times". A Registry is immutable after construction and safe for concurrent
// use.
package registry
