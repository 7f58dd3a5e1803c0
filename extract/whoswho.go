package extract

import (
	"strings"
	"time"

	"dossier"
)

// The offices that the coverage of the 2021–22 buildup names its people by
// ("the Kremlin spokesman", "the Ukrainian president", "the top US
// diplomat"), with the time each was held. A description in an article
// dated within a term resolves to the holder when the article names them:
// nobody is made a speaker who is not named. An undated article gets no
// office from here: "the prime minister" of 2005 is not Boris Johnson.

type term struct {
	role     string // lower-case words a description may use
	from, to string // YYYY-MM-DD; to "" is still in office
}

type notable struct {
	gender byte
	terms  []term
}

// whosWho is keyed by the lower-case canonical name (see aliases.go).
var whosWho = map[string]notable{
	// Russia
	"vladimir putin":       {'m', []term{{"president of russia russian president kremlin leader russian leader head of state", "2012-05-07", ""}}},
	"dmitry peskov":        {'m', []term{{"kremlin spokesman presidential press secretary russia russian", "2012-05-22", ""}}},
	"sergei lavrov":        {'m', []term{{"foreign minister of russia russian foreign minister", "2004-03-09", ""}}},
	"maria zakharova":      {'f', []term{{"foreign ministry spokeswoman russia russian", "2015-08-10", ""}}},
	"sergei ryabkov":       {'m', []term{{"deputy foreign minister russia russian", "2008-08-01", ""}}},
	"alexander grushko":    {'m', []term{{"deputy foreign minister russia russian", "2018-01-22", ""}}},
	"sergei shoigu":        {'m', []term{{"defence minister defense minister russia russian", "2012-11-06", "2024-05-12"}}},
	"valery gerasimov":     {'m', []term{{"chief of the general staff russia russian", "2012-11-09", ""}}},
	"yuri ushakov":         {'m', []term{{"kremlin aide foreign policy adviser russia russian", "2012-05-21", ""}}},
	"vassily nebenzia":     {'m', []term{{"ambassador to the un envoy russia russian", "2017-07-27", ""}}},
	"dmitry medvedev":      {'m', []term{{"deputy chairman of the security council russia russian former president", "2020-01-16", ""}}},
	"nikolai patrushev":    {'m', []term{{"secretary of the security council russia russian", "2008-05-12", "2024-05-14"}}},
	"igor konashenkov":     {'m', []term{{"defence ministry spokesman defense russia russian", "2017-01-01", ""}}},
	"anatoly antonov":      {'m', []term{{"ambassador to the united states envoy russia russian", "2017-08-21", "2024-10-09"}}},
	"dmitry kozak":         {'m', []term{{"kremlin deputy chief of staff russia russian", "2020-01-24", "2024-09-30"}}},
	"mikhail mishustin":    {'m', []term{{"prime minister russian russia", "2020-01-16", ""}}},
	"vyacheslav volodin":   {'m', []term{{"state duma speaker chairman of the state duma russian russia", "2016-10-05", ""}}},
	"valentina matviyenko": {'f', []term{{"federation council speaker chairwoman of the federation council russian russia", "2011-09-21", ""}}},
	"sergei naryshkin":     {'m', []term{{"foreign intelligence service director svr chief russian russia", "2016-10-05", ""}}},
	"alexander bortnikov":  {'m', []term{{"fsb director federal security service chief russian russia", "2008-05-12", ""}}},
	"ramzan kadyrov":       {'m', []term{{"head of chechnya chechen leader", "2007-03-02", ""}}},
	"denis pushilin":       {'m', []term{{"separatist leader head of the self-proclaimed donetsk people's republic", "2018-09-07", ""}}},
	"leonid pasechnik":     {'m', []term{{"separatist leader head of the self-proclaimed luhansk people's republic", "2017-11-25", ""}}},
	// Ukraine
	"ruslan stefanchuk":   {'m', []term{{"speaker of the verkhovna rada parliament speaker chairman ukraine ukrainian", "2021-10-08", ""}}},
	"iryna vereshchuk":    {'f', []term{{"deputy prime minister minister for reintegration ukraine ukrainian", "2021-11-04", ""}}},
	"denys monastyrskyi":  {'m', []term{{"interior minister minister of internal affairs ukraine ukrainian", "2021-07-16", "2023-01-18"}}},
	"iryna venediktova":   {'f', []term{{"prosecutor general ukraine ukrainian", "2020-03-17", "2022-07-17"}}},
	"oksana markarova":    {'f', []term{{"ambassador to the united states envoy ukraine ukrainian", "2021-02-25", "2025-05-01"}}},
	"andrij melnyk":       {'m', []term{{"ambassador to germany envoy ukraine ukrainian", "2015-01-12", "2022-10-15"}}},
	"olena zelenska":      {'f', []term{{"first lady ukraine ukrainian", "2019-05-20", ""}}},
	"volodymyr zelenskyy": {'m', []term{{"president of ukraine ukrainian president ukraine's president head of state", "2019-05-20", ""}}},
	"dmytro kuleba":       {'m', []term{{"foreign minister of ukraine ukrainian foreign minister", "2020-03-04", "2024-09-05"}}},
	"oleksii reznikov":    {'m', []term{{"defence minister defense minister of ukraine ukrainian", "2021-11-04", "2023-09-05"}}},
	"oleksiy danilov":     {'m', []term{{"secretary of the national security and defence council nsdc secretary ukraine ukrainian", "2019-10-03", "2024-03-26"}}},
	"andriy yermak":       {'m', []term{{"head of the presidential office chief of staff ukraine ukrainian", "2020-02-11", "2025-11-28"}}},
	"mykhailo podolyak":   {'m', []term{{"adviser to the head of the presidential office presidential adviser ukraine ukrainian", "2020-11-01", ""}}},
	"denys shmyhal":       {'m', []term{{"prime minister of ukraine ukrainian prime minister", "2020-03-04", "2025-07-17"}}},
	"valerii zaluzhnyi":   {'m', []term{{"commander-in-chief of the armed forces commander ukraine ukrainian", "2021-07-27", "2024-02-08"}}},
	"kyrylo budanov":      {'m', []term{{"head of military intelligence chief ukraine ukrainian", "2020-08-05", ""}}},
	"oleg nikolenko":      {'m', []term{{"foreign ministry spokesman ukraine ukrainian", "2020-01-01", "2023-12-31"}}},
	"vitali klitschko":    {'m', []term{{"mayor of kyiv", "2014-06-05", ""}}},
	"oleksiy arestovych":  {'m', []term{{"adviser to the head of the presidential office presidential adviser ukraine ukrainian", "2020-12-01", "2023-01-17"}}},
	// United States
	"joe biden":               {'m', []term{{"president of the united states us president u.s. president american president head of state", "2021-01-20", "2025-01-20"}}},
	"kamala harris":           {'f', []term{{"vice president of the united states us vice president u.s. vice president", "2021-01-20", "2025-01-20"}}},
	"antony blinken":          {'m', []term{{"secretary of state us secretary of state u.s. american", "2021-01-26", "2025-01-20"}}},
	"jen psaki":               {'f', []term{{"white house press secretary spokeswoman", "2021-01-20", "2022-05-13"}}},
	"karine jean-pierre":      {'f', []term{{"principal deputy press secretary white house deputy press secretary", "2021-01-20", "2022-05-13"}, {"white house press secretary spokeswoman", "2022-05-13", "2025-01-20"}}},
	"emily horne":             {'f', []term{{"national security council spokeswoman nsc spokesperson", "2021-01-20", "2022-05-31"}}},
	"john sullivan":           {'m', []term{{"ambassador to russia us u.s. american envoy", "2020-01-16", "2022-09-01"}}},
	"julianne smith":          {'f', []term{{"ambassador to nato us u.s. american envoy", "2021-11-23", "2025-01-20"}}},
	"ned price":               {'m', []term{{"state department spokesman spokesperson", "2021-01-20", "2023-06-30"}}},
	"lloyd austin":            {'m', []term{{"defense secretary defence secretary secretary of defense pentagon chief us u.s. american", "2021-01-22", "2025-01-20"}}},
	"john kirby":              {'m', []term{{"pentagon press secretary pentagon spokesman spokesperson", "2021-01-20", "2022-05-19"}, {"national security council spokesman coordinator for strategic communications", "2022-05-20", "2025-01-20"}}},
	"jake sullivan":           {'m', []term{{"national security adviser us u.s. american", "2021-01-20", "2025-01-20"}}},
	"wendy sherman":           {'f', []term{{"deputy secretary of state us u.s. american", "2021-04-14", "2024-07-28"}}},
	"victoria nuland":         {'f', []term{{"under secretary of state us u.s. american", "2021-05-03", "2024-03-22"}}},
	"linda thomas-greenfield": {'f', []term{{"ambassador to the united nations un envoy us u.s. american", "2021-02-25", "2025-01-20"}}},
	"mark milley":             {'m', []term{{"chairman of the joint chiefs of staff general us u.s. american", "2019-10-01", "2023-09-30"}}},
	"william burns":           {'m', []term{{"cia director us u.s. american", "2021-03-19", "2025-01-20"}}},
	// United Kingdom, Germany, France, Turkey, Poland, Belarus, China
	"boris johnson":        {'m', []term{{"prime minister of the united kingdom british prime minister uk prime minister", "2019-07-24", "2022-09-06"}}},
	"liz truss":            {'f', []term{{"foreign secretary british uk", "2021-09-15", "2022-09-06"}, {"prime minister british uk", "2022-09-06", "2022-10-25"}}},
	"ben wallace":          {'m', []term{{"defence secretary defense secretary british uk", "2019-07-24", "2023-08-31"}}},
	"olaf scholz":          {'m', []term{{"chancellor german chancellor germany", "2021-12-08", "2025-05-06"}}},
	"angela merkel":        {'f', []term{{"chancellor german chancellor germany", "2005-11-22", "2021-12-08"}}},
	"annalena baerbock":    {'f', []term{{"foreign minister german germany", "2021-12-08", "2025-05-06"}}},
	"emmanuel macron":      {'m', []term{{"president of france french president head of state", "2017-05-14", ""}}},
	"jean-yves le drian":   {'m', []term{{"foreign minister french france", "2017-05-17", "2022-05-20"}}},
	"recep tayyip erdogan": {'m', []term{{"president of turkey turkish president", "2014-08-28", ""}}},
	"andrzej duda":         {'m', []term{{"president of poland polish president", "2015-08-06", "2025-08-06"}}},
	"alexander lukashenko": {'m', []term{{"president of belarus belarusian president belarusian leader", "1994-07-20", ""}}},
	"xi jinping":           {'m', []term{{"president of china chinese president chinese leader", "2013-03-14", ""}}},
	"wang yi":              {'m', []term{{"foreign minister chinese china", "2013-03-16", "2022-12-30"}}},
	"christine lambrecht":  {'f', []term{{"defence minister defense minister german germany", "2021-12-08", "2023-01-19"}}},
	"steffen hebestreit":   {'m', []term{{"government spokesman chancellor's spokesman german germany", "2021-12-08", "2025-05-06"}}},
	"steffen seibert":      {'m', []term{{"government spokesman chancellor's spokesman german germany", "2010-08-11", "2021-12-08"}}},
	"heiko maas":           {'m', []term{{"foreign minister german germany", "2018-03-14", "2021-12-08"}}},
	"dominic raab":         {'m', []term{{"foreign secretary british uk", "2019-07-24", "2021-09-15"}}},
	"james heappey":        {'m', []term{{"armed forces minister british uk", "2020-02-14", "2024-03-25"}}},
	"florence parly":       {'f', []term{{"armed forces minister defence minister defense minister french france", "2017-06-21", "2022-05-20"}}},
	"mevlut cavusoglu":     {'m', []term{{"foreign minister turkish turkey", "2015-11-24", "2023-06-04"}}},
	"mateusz morawiecki":   {'m', []term{{"prime minister polish poland", "2017-12-11", "2023-12-13"}}},
	"zbigniew rau":         {'m', []term{{"foreign minister polish poland osce chairman", "2020-08-26", "2023-12-13"}}},
	"vladimir makei":       {'m', []term{{"foreign minister belarusian belarus", "2012-08-20", "2022-11-26"}}},
	// other governments that spoke on the crisis
	"micheál martin":         {'m', []term{{"taoiseach prime minister irish ireland", "2020-06-27", "2022-12-17"}}},
	"simon coveney":          {'m', []term{{"minister for foreign affairs foreign minister irish ireland", "2017-06-14", "2022-12-17"}}},
	"mario draghi":           {'m', []term{{"prime minister italian italy premier", "2021-02-13", "2022-10-22"}}},
	"luigi di maio":          {'m', []term{{"foreign minister italian italy", "2019-09-05", "2022-10-22"}}},
	"pedro sánchez":          {'m', []term{{"prime minister spanish spain", "2018-06-02", ""}}},
	"mark rutte":             {'m', []term{{"prime minister dutch netherlands", "2010-10-14", "2024-07-02"}}},
	"justin trudeau":         {'m', []term{{"prime minister canadian canada", "2015-11-04", "2025-03-14"}}},
	"mélanie joly":           {'f', []term{{"foreign minister foreign affairs minister canadian canada", "2021-10-26", "2025-05-13"}}},
	"anita anand":            {'f', []term{{"defence minister defense minister canadian canada", "2021-10-26", "2023-07-26"}}},
	"scott morrison":         {'m', []term{{"prime minister australian australia", "2018-08-24", "2022-05-23"}}},
	"marise payne":           {'f', []term{{"foreign minister foreign affairs minister australian australia", "2018-08-28", "2022-05-23"}}},
	"fumio kishida":          {'m', []term{{"prime minister japanese japan", "2021-10-04", "2024-10-01"}}},
	"yoshimasa hayashi":      {'m', []term{{"foreign minister japanese japan", "2021-11-10", "2023-09-13"}}},
	"gitanas nausėda":        {'m', []term{{"president lithuanian lithuania", "2019-07-12", ""}}},
	"gabrielius landsbergis": {'m', []term{{"foreign minister lithuanian lithuania", "2020-12-11", "2024-12-12"}}},
	"kaja kallas":            {'f', []term{{"prime minister estonian estonia", "2021-01-26", "2024-07-23"}}},
	"sanna marin":            {'f', []term{{"prime minister finnish finland", "2019-12-10", "2023-06-20"}}},
	"sauli niinistö":         {'m', []term{{"president finnish finland", "2012-03-01", "2024-03-01"}}},
	"magdalena andersson":    {'f', []term{{"prime minister swedish sweden", "2021-11-30", "2022-10-18"}}},
	"viktor orbán":           {'m', []term{{"prime minister hungarian hungary", "2010-05-29", ""}}},
	"naftali bennett":        {'m', []term{{"prime minister israeli israel", "2021-06-13", "2022-06-30"}}},
	"kassym-jomart tokayev":  {'m', []term{{"president kazakh kazakhstan", "2019-03-20", ""}}},
	// alliances and the UN
	"jens stoltenberg":     {'m', []term{{"nato secretary general secretary-general alliance chief", "2014-10-01", "2024-10-01"}}},
	"josep borrell":        {'m', []term{{"eu foreign policy chief high representative european union", "2019-12-01", "2024-11-30"}}},
	"ursula von der leyen": {'f', []term{{"european commission president eu commission chief", "2019-12-01", ""}}},
	"charles michel":       {'m', []term{{"european council president eu", "2019-12-01", "2024-11-30"}}},
	"antónio guterres":     {'m', []term{{"un secretary-general secretary general united nations", "2017-01-01", ""}}},
}

// whosWhoFolded is whosWho keyed by foldName: articles write "Viktor Orban"
// and "Mevlüt Çavuşoğlu" as often as the other way round.
var whosWhoFolded = func() map[string]notable {
	m := make(map[string]notable, len(whosWho))
	for k, n := range whosWho {
		m[foldName(k)] = n
	}
	return m
}()

// foldName folds a name as the query language does (dossier.FoldRune):
// lower case, without diacritics.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := dossier.FoldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// officeOn gives the role whosWho knows for a canonical name on a day, and
// the gender it knows whatever the day; day zero gives no role.
func officeOn(canonical string, day time.Time) (role string, gender byte) {
	n, ok := whosWhoFolded[foldName(canonical)]
	if !ok {
		return "", 0
	}
	if day.IsZero() {
		return "", n.gender
	}
	d := day.Format("2006-01-02")
	for _, t := range n.terms {
		if t.from <= d && (t.to == "" || d < t.to) {
			return t.role, n.gender
		}
	}
	return "", n.gender
}

// addKnownOffices gives the persons of the article the offices they held on
// its day (byRole falls back on them when no role the article gives fits),
// and their gender.
func (r *resolver) addKnownOffices() {
	type known struct {
		office string
		gender byte
	}
	seen := make(map[string]known, len(r.persons)) // a name comes back again and again
	for k := range r.persons {
		p := &r.persons[k]
		kn, ok := seen[p.full]
		if !ok {
			kn.office, kn.gender = officeOn(r.canonical(p.full), r.day)
			seen[p.full] = kn
		}
		if p.gender == 0 {
			p.gender = kn.gender
		}
		p.office = kn.office
	}
}

// institutions name whose spokesman or minister a description means: "the
// Kremlin spokesman" is not the Pentagon's.
var institutions = []string{"kremlin", "pentagon", "white house", "state department", "nato", "foreign ministry",
	"defence ministry", "defense ministry", "security council", "presidential office", "european commission",
	"european council"}

// officeMatches reports whether an office of whosWho is the one a description
// names: roleMatches, of the same country and institution when it names one.
func officeMatches(office, head, desc string) bool {
	if office == "" || !strings.Contains(office, head) || !roleMatches(office, head, desc) {
		return false // the head itself: an NSDC secretary is no "minister"
	}
	d := lower(desc)
	if cs := countryWords(d); len(cs) > 0 {
		ok := false
		for _, c := range cs {
			ok = ok || strings.Contains(office, c)
		}
		if !ok {
			return false
		}
	}
	for _, in := range institutions {
		if strings.Contains(d, in) && !strings.Contains(office, in) {
			return false
		}
	}
	return true
}

// hasOffice reports whether a role the article gives holds an office word.
func hasOffice(role string) bool {
	for _, w := range strings.Fields(role) {
		if officeHeads[w] || spokesHeads[w] {
			return true
		}
	}
	return false
}
