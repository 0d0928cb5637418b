// Package roles is framewatch's "roles" stage: per unit, the role each
// main actor is cast in, hero, villain, victim or none, as framing
// research codes it (Frermann, Li, Khanehzar and Haffari 2023,
// "Conflicts, Villains, Resolutions").
//
// Actors are the unit's canonical named entities (people, organisations,
// places, groups, laws and agreements; outlets are not actors) and the
// stakeholder phrases of a built-in lexicon ("fossil fuel companies",
// "farmers", "the planet", "climate change") where no named entity
// covers them. A unit's main actors are its MaxActors most mentioned.
//
// Each actor's role comes from a multinomial logistic regression over
// the words of the sentences that mention it and the words just before
// and after each mention, its kind (entity type or stakeholder group),
// how often and how early it is mentioned, the stance stage's scores of
// mentions that overlap it, and the tone stage's sentence scores. The
// evidence of a role is the mentioning sentence whose words weigh most
// for it. The model is embedded (model/roles.tsv.gz), trained by
// internal/tools/trainroles on narrative-dev's role rows through
// framewatch's own pipeline (make train-roles).
package roles
