// Package registry is framewatch's outlet registry: canonical outlet names,
// their aliases, web domains, home countries and kinds.
//
// The default registry is an embedded data file (outlets.json) of real news
// outlets: agencies, international, European, US and UK papers,
// broadcasters, digital outlets, blogs and state media, with aliases that
// cover spellings with and without "The", abbreviations, old names, web
// domains and transliterations. Kind is one of agency, newspaper,
// magazine, broadcaster, digital, state-media, blog, review or
// commentator. A run's configuration can add entries (outlets.registry in
// the YAML file); they take precedence over the shipped ones.
//
// Lookup ignores case, diacritics, a leading "The", punctuation and
// spacing, so "the new york times", "New York Times" and "NYT" all find
// "The New York Times". Match, for metadata, also reads web addresses and
// hosts ("https://www.nytimes.com/2016/x.html") and slugs, names without
// spaces ("thehuffingtonpost", "nytimes"); Fold is the form slugs and
// names the registry does not know are compared in, and Closest suggests
// registry names for such a name. Lookup and Match cost a few map look-ups:
// every index is built by New. A Registry is immutable after construction
// and safe for concurrent use.
package registry
