package terms

import "strings"

// stopwords are English function words and reporting filler that carry no
// framing: articles, pronouns, auxiliaries, prepositions, conjunctions,
// common adverbs, and "said"/"says", which every news text repeats.
var stopwords = setOf(`a about above after again against all also am an and any are aren't as at
be because been before being below between both but by can can't cannot could couldn't did didn't
do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've
if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once
only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't
so some such than that that's the their theirs them themselves then there there's these they they'd
they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're
we've were weren't what what's when when's where where's which while who who's whom why why's with
won't would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say
saying told tell tells will may might must shall just also even still yet however already since
though although whether per via among amid upon within without across around along toward towards
onto one two three four five six seven eight nine ten first last new year years time times day days
week weeks month months mr mrs ms dr st according would've could've should've ago often ever never
again now then today tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday
sunday january february march april june july august september october november december well like
many much another every several including include includes included made make makes get got go goes
going gone come came back way ways thing things lot part it'll`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
