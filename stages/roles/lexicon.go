package roles

import (
	"slices"
	"strings"
)

// Stakeholder groups, after the narrative-framing codebook's actor groups.
const (
	GroupGovernment = "government"
	GroupIndustry   = "industry"
	GroupPublic     = "public"
	GroupPolicy     = "policy"
	GroupNature     = "nature"
	GroupActivists  = "activists"
	GroupClimate    = "climate"
	GroupScience    = "science"
	GroupTech       = "technology"
	GroupMedia      = "media"
)

// stakeholders lists, per group, canonical actor names and the phrases
// (lower case, as written) that name them. A phrase matches whole words;
// the longest phrase at a word wins.
var stakeholders = map[string]map[string][]string{
	GroupGovernment: {
		"the government": {"government", "governments", "the government", "federal government", "the federal government", "the administration", "administration"},
		"lawmakers":      {"lawmakers", "legislators", "politicians", "congressmen", "senators", "representatives"},
		"regulators":     {"regulators", "officials", "authorities", "agencies", "state officials", "local officials"},
		"democrats":      {"democrats", "the democrats", "democratic lawmakers", "progressives", "liberals", "the left"},
		"republicans":    {"republicans", "the republicans", "gop", "conservatives", "the right"},
		"world leaders":  {"world leaders", "leaders", "nations", "countries", "rich countries", "developing countries", "poor countries", "developed countries"},
		"cities":         {"cities", "city officials", "mayors", "states", "local governments"},
	},
	GroupIndustry: {
		"fossil fuel companies": {"fossil fuel companies", "fossil fuel industry", "the fossil fuel industry", "fossil fuel interests", "fossil fuel producers", "oil companies", "oil and gas companies", "oil and gas industry", "the oil industry", "oil industry", "big oil", "oil majors", "energy companies", "utilities", "coal companies", "coal industry", "the coal industry", "coal plants", "power plants", "polluters", "big polluters"},
		"fossil fuels":          {"fossil fuels", "fossil fuel", "coal", "oil", "natural gas", "gas", "fracking", "pipelines", "pipeline"},
		"emissions":             {"emissions", "greenhouse gas emissions", "greenhouse gases", "greenhouse gas", "carbon emissions", "carbon dioxide", "carbon pollution", "co2", "methane", "pollution", "air pollution"},
		"corporations":          {"corporations", "companies", "businesses", "industry", "industries", "investors", "banks", "automakers", "airlines", "manufacturers"},
	},
	GroupPublic: {
		"people":      {"people", "the public", "the people", "citizens", "residents", "families", "voters", "taxpayers", "consumers", "households", "humanity", "humans", "mankind"},
		"communities": {"communities", "coastal communities", "local communities", "low-income communities", "indigenous communities", "indigenous people", "indigenous peoples", "people of color", "the poor", "poor people", "vulnerable communities", "the most vulnerable"},
		"workers":     {"workers", "coal miners", "miners", "employees", "jobs", "coal workers"},
		"farmers":     {"farmers", "ranchers", "growers", "agriculture", "fishermen"},
		"children":    {"children", "kids", "young people", "students", "youth", "future generations", "the next generation"},
	},
	GroupPolicy: {
		"climate policy":     {"climate policy", "climate policies", "climate action", "climate legislation", "climate plan", "climate bill", "regulations", "regulation", "environmental regulations", "rules", "the rule", "the rules", "the policy", "policies", "the plan", "the bill", "legislation", "standards", "emissions standards", "targets"},
		"carbon tax":         {"carbon tax", "carbon taxes", "carbon pricing", "carbon price", "cap and trade", "cap-and-trade", "emissions trading", "fuel tax", "gas tax"},
		"climate agreements": {"climate agreement", "climate deal", "climate accord", "the agreement", "the accord", "the deal", "the treaty", "climate talks", "climate summit"},
	},
	GroupNature: {
		"the planet":      {"the planet", "planet", "the earth", "earth", "the world", "our planet", "the environment", "environment", "nature", "ecosystems", "ecosystem"},
		"oceans":          {"oceans", "the ocean", "ocean", "the oceans", "seas", "coral reefs", "coral reef", "reefs", "coral", "the arctic", "glaciers", "ice sheets", "sea ice"},
		"wildlife":        {"wildlife", "animals", "species", "polar bears", "birds", "fish", "insects", "bees", "plants", "trees"},
		"forests":         {"forests", "forest", "rainforest", "the rainforest", "rainforests", "the amazon rainforest"},
		"extreme weather": {"extreme weather", "wildfires", "wildfire", "fires", "floods", "flooding", "drought", "droughts", "hurricanes", "hurricane", "storms", "heat waves", "heatwaves", "heat", "sea level rise", "rising seas", "sea levels"},
	},
	GroupActivists: {
		"climate activists": {"climate activists", "activists", "environmentalists", "environmental groups", "environmental activists", "protesters", "demonstrators", "campaigners", "green groups", "climate strikers", "strikers", "advocates"},
	},
	GroupClimate: {
		"climate change": {"climate change", "global warming", "the climate crisis", "climate crisis", "the climate emergency", "climate emergency", "warming", "the climate", "climate", "rising temperatures", "climate alarmism", "alarmism", "alarmists", "climate alarmists"},
	},
	GroupScience: {
		"scientists": {"scientists", "climate scientists", "researchers", "experts", "the science", "science", "studies", "the study", "the report", "a study", "a new study", "the research", "research", "climatologists", "economists"},
	},
	GroupTech: {
		"clean energy":   {"clean energy", "renewable energy", "renewables", "solar", "solar power", "solar panels", "wind", "wind power", "wind turbines", "wind farms", "green energy", "nuclear power", "nuclear energy", "batteries", "electric vehicles", "electric cars", "evs"},
		"carbon capture": {"carbon capture", "carbon capture and storage", "geoengineering", "technology", "innovation"},
	},
	GroupMedia: {
		"the media": {"the media", "media", "journalists", "reporters", "news outlets", "the press", "mainstream media"},
	},
}

// phrase is one compiled stakeholder phrase.
type phrase struct {
	words       []string
	name, group string
}

// lexicon indexes the stakeholder phrases by their first word.
type lexicon struct {
	first map[string][]phrase
	// groups maps a canonical stakeholder name to its group.
	groups map[string]string
}

func compileLexicon() *lexicon {
	lx := &lexicon{first: map[string][]phrase{}, groups: map[string]string{}}
	for _, group := range sortedKeys(stakeholders) {
		names := stakeholders[group]
		for _, name := range sortedKeys(names) {
			lx.groups[name] = group
			for _, p := range names[name] {
				ws := strings.Fields(p)
				lx.first[ws[0]] = append(lx.first[ws[0]], phrase{ws, name, group})
			}
		}
	}
	return lx
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
