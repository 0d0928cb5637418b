package reports

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/framewatch/framewatch/pipeline"
)

// roleOrder are the roles of roles.csv, in the roles table's column order.
var roleOrder = [...]string{pipeline.RoleHero, pipeline.RoleVillain, pipeline.RoleVictim, pipeline.RoleNone}

// maxRoleActors is how many actors per outlet the roles table keeps: those
// cast in a role (not none) in most units.
const maxRoleActors = 15

// dominantRole returns the role (hero, villain, victim) most of c's units
// cast the actor in, the first in roleOrder on a tie, or none when no unit
// casts it in one.
func dominantRole(c [len(roleOrder)]int) string {
	best := len(roleOrder) - 1
	for k := range len(roleOrder) - 1 {
		if c[k] > 0 && (best == len(roleOrder)-1 || c[k] > c[best]) {
			best = k
		}
	}
	return roleOrder[best]
}

// rolesTable is actor_roles: per outlet, its maxRoleActors actors cast in a
// role in most units (ties: by name), with the units casting each as
// hero, villain, victim or none, the dominant role and its share of the
// actor's units. Rows by outlet, then cast units (most first), then actor.
func rolesTable(a *aggregates, _ pipeline.Config) (dataframe.DataFrame, error) {
	var outlet, actor, dom []string
	var units, cast []int
	var per [len(roleOrder)][]int
	var share []float64
	for _, name := range a.outletNames() {
		o := a.outlets[name]
		type ac struct {
			name        string
			units, cast int
		}
		var all []ac
		for act, c := range o.roles {
			n, k := 0, 0
			for i, v := range c {
				n += v
				if roleOrder[i] != pipeline.RoleNone {
					k += v
				}
			}
			if k > 0 {
				all = append(all, ac{act, n, k})
			}
		}
		slices.SortFunc(all, func(x, y ac) int {
			if c := cmp.Compare(y.cast, x.cast); c != 0 {
				return c
			}
			return cmp.Compare(x.name, y.name)
		})
		for _, x := range all[:min(maxRoleActors, len(all))] {
			c := *o.roles[x.name]
			d := dominantRole(c)
			outlet, actor, dom = append(outlet, name), append(actor, x.name), append(dom, d)
			units, cast = append(units, x.units), append(cast, x.cast)
			for k := range roleOrder {
				per[k] = append(per[k], c[k])
			}
			share = append(share, float64(c[slices.Index(roleOrder[:], d)])/float64(x.units))
		}
	}
	cols := []series.Series{strs("outlet", outlet), strs("actor", actor), ints("units", units), ints("cast", cast)}
	sel := []string{"outlet", "actor", "units", "cast"}
	for k, r := range roleOrder {
		cols = append(cols, ints(r, per[k]))
		sel = append(sel, r)
	}
	cols = append(cols, strs("dominant", dom), floats("dominant_share", share))
	sel = append(sel, "dominant", "dominant_share")
	// Rows are built in their order; the stable sort by outlet keeps it.
	return frame(cols, []dataframe.Order{dataframe.Sort("outlet")}, sel)
}

// sectionRoleActors is how many actors an outlet's section lists.
const sectionRoleActors = 5

// outletRoles returns an outlet's sectionRoleActors actors most often
// cast in a role as "Actor (villain 3/4)", from the actor_roles table.
func (r *report) outletRoles(outlet string) []string {
	t := findTable(r.tables, "actor_roles")
	if t == nil {
		return nil
	}
	var out []string
	for _, row := range t.Rows() {
		if row[0] != outlet || len(out) >= sectionRoleActors {
			continue
		}
		// outlet, actor, units, cast, hero, villain, victim, none, dominant, share
		k := slices.Index(roleOrder[:], row[8])
		out = append(out, fmt.Sprintf("%s (%s %s/%s)", row[1], row[8], row[4+k], row[2]))
	}
	return out
}
