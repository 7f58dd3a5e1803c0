package extract

import "strings"

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// setAnd is set(words) with the space-separated words of more.
func setAnd(more string, words ...string) map[string]bool {
	return set(append(words, strings.Fields(more)...)...)
}

// wclass marks a word's membership of the sets the rules test most often.
// A token looks its word up once (tok.in, tok.bareIn), so that the rules'
// many tests of the same token are bit tests, not map lookups: they were a
// fifth of the extractor's time. (Sixteen bits, the sets below and wLooked,
// keep a tok at 64 bytes: a seventeenth would not compile.)
type wclass uint16

const (
	wReport    wclass = 1 << iota // reportVerbs
	wStance                       // stanceVerbs
	wSkip                         // skipBeforeVerb
	wLead                         // leadWords
	wDet                          // determiners
	wRole                         // roleWords
	wOrg                          // orgWords
	wNotName                      // notNames
	wConnector                    // roleConnectors
	wFirstName                    // maleNames, femaleNames
	wHonorific                    // honorifics
	wNumber                       // numberWords, vague, "several": parseNumber's words
	wOrgCue                       // orgCues
	wOrgLast                      // orgLast
	wPlace                        // placeWords
	wLooked                       // tok.classes has looked the word up
)

var wordClasses = func() map[string]wclass {
	m := map[string]wclass{}
	for _, s := range []struct {
		c     wclass
		words map[string]bool
	}{{wReport, reportVerbs}, {wStance, stanceVerbs}, {wSkip, skipBeforeVerb}, {wLead, leadWords},
		{wDet, determiners}, {wRole, roleWords}, {wOrg, orgWords}, {wNotName, notNames},
		{wConnector, roleConnectors}, {wFirstName, maleNames}, {wFirstName, femaleNames}, {wFirstName, eitherNames},
		{wOrgCue, orgCues}, {wOrgLast, orgLast}, {wPlace, placeWords}} {
		for w := range s.words {
			m[w] |= s.c
		}
	}
	for w := range honorifics {
		m[w] |= wHonorific
	}
	for w := range numberWords {
		m[w] |= wNumber
	}
	for w := range vague {
		m[w] |= wNumber
	}
	m["several"] |= wNumber
	return m
}()

// reportVerbs introduce what someone said.
var reportVerbs = set("said", "says", "say", "note", "write", "argue", "warn", "insist", "conclude", "told", "tells", "added", "adds", "warned", "warns", "stressed",
	"stresses", "emphasized", "emphasised", "emphasizes", "emphasises", "emphasize", "emphasise", "noted", "notes", "continued",
	"continues", "argued", "argues", "insisted", "insists", "explained", "explains", "wrote", "writes",
	"tweeted", "tweets", "stated", "declared", "declares", "claimed", "claims", "suggested", "suggests",
	"asked", "asks", "replied", "replies", "answered", "reiterated", "reiterates", "reaffirmed", "reaffirms", "concluded", "admitted",
	"admits", "acknowledged", "announced", "announces", "recalled", "urged", "urges", "informed", "reported",
	"commented", "remarked", "observed", "predicted", "cautioned", "complained", "conceded", "confirmed",
	"vowed", "pledged", "promised", "summed", "underlined", "underscored", "highlighted", "pointed",
	"assured", "assures", "affirmed", "alleged", "countered", "exclaimed", "joked", "quipped", "retorted",
	"responded", "revealed", "posted", "briefed", "testified", "echoed", "thundered", "wrote",
	"believes", "thinks", "saying", "adding", "telling", "warning", "insisting", "arguing", "noting",
	"stressing", "claiming", "writing", "maintained", "maintains", "mused", "boasted", "agreed", "added", "reads",
	"complaining", "explaining", "declaring", "stating", "announcing", "recalling", "replying", "answering",
	"admitting", "acknowledging", "observing", "remarking", "predicting", "vowing", "pledging", "conceding",
	"reiterating", "concluding", "tweeting", "commenting", "cautioning", "quipping", "joking",
	// the present tense of features: "he concedes"
	"concedes", "recalls", "predicts", "quips", "complains", "observes", "confirms", "acknowledges", "reveals",
	"concludes", "muses", "remarks",
	// how the words were said, in features: ""…," smiles one broker"
	"smiles", "smiled", "laughs", "laughed", "grins", "grinned", "sighs", "sighed",
	"whispered", "whispers", "muttered", "mutters", "murmured", "murmurs", "shouted", "shouts", "yelled",
	// how the words were meant: ""…?", implored campaigner Barry Lim"
	"implored", "implores", "confided", "confides", "enthused", "enthuses",
	// a question put aloud: ""Where's the fun in that?" they pondered"
	"wondered", "wonders", "pondered", "ponders",
	// a view, in Australian and British reports: "Col Hennessy reckoned the district had …"
	"reckoned", "reckons")

// stanceVerbs name the subject of a partial quote: "X blamed "aggressive politics"".
var stanceVerbs = setAnd(bareStanceWords, "accused", "accuses", "blamed", "blames", "called", "calls", "branded", "brands",
	"described", "describes", "dismissed", "dismisses", "criticised", "criticized", "criticises", "condemned",
	"welcomed", "welcomes", "denied", "denies", "rejected", "hoped", "hopes", "wanted", "wants", "believed",
	"demanded", "demands", "labelled", "labeled", "termed", "dubbed", "attacked", "praised", "spoke",
	"referred", "refers", "speak", "speaks", "spoken", "expects", "expected", "feared", "fears", "discussed", "touted", "stressed", "pleaded",
	"threatened", "defended", "questioned", "launched", "accepted", "expressed", "thanked", "promised",
	"confirmed", "hailed", "slammed", "warning", "saying", "calling", "describing", "insisting",
	"arguing", "adding", "noting", "stressing", "claiming", "urging", "blaming", "accusing", "speaking", "accepting",
	"found", "finds", "advised", "advises", "compared", "compares", "likened", "likens", "felt", "feels",
	"praising", "praises", "lauded", "lauds", "lauding", "hailing", "hails")

// bareStanceWords are stance verbs in the present tense of a group ("The Lib
// Dems accuse Mr Blair of making a "touchy-feely" speech"), which are also
// infinitives ("to describe") and, some, nouns ("no blame").
const bareStanceWords = "accuse blame deny describe dismiss condemn criticise criticize claim fear"

var bareStance = setAnd(bareStanceWords)

// beganWords begin a verb with "to" after them ("are beginning to say").
const beganWords = "beginning starting began begun started"

// skipBeforeVerb are words between a speaker and the verb ("Mr X also said",
// "are beginning to say").
var skipBeforeVerb = setAnd(beganWords, "also", "has", "have", "had", "was", "is", "were", "will", "would", "then", "later",
	"earlier", "previously", "reportedly", "further", "again", "recently", "once", "just", "repeatedly",
	"already", "subsequently", "separately", "never", "not", "only", "publicly", "privately", "officially",
	"flatly", "strongly", "firmly", "categorically", "did", "does", "due", "to", "who", "had", "yesterday",
	"today", "last", "night", "week", "month", "year", "this", "morning", "on", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "has", "may", "might", "could", "should", "can",
	"now", "still", "even", "himself", "herself", "itself", "often", "frequently", "directly", "told", "simply",
	"are")

// leadWords are dropped from the front of a noun phrase.
var leadWords = set("but", "and", "however", "meanwhile", "also", "then", "later", "earlier", "now", "yet",
	"so", "still", "instead", "finally", "separately", "while", "although", "though", "as", "when", "because",
	"since", "after", "before", "moreover", "indeed", "in", "on", "at", "speaking", "asked", "that", "where",
	"whereas", "if", "or", "nor", "for", "with", "by", "from", "of", "according", "to", "said",
	// sentence adverbs: "Therefore, one can say", "Incidentally, US politicians … say"
	"therefore", "thus", "hence", "incidentally", "indicatively", "nevertheless", "nonetheless", "furthermore",
	"besides", "consequently", "accordingly", "admittedly", "similarly", "likewise", "additionally", "notably",
	"apparently", "obviously", "clearly", "frankly", "unfortunately", "fortunately", "interestingly",
	"ironically", "surprisingly", "ultimately", "initially", "previously", "subsequently", "otherwise",
	"firstly", "secondly", "thirdly", "lastly", "overall", "importantly", "crucially", "specifically")

// frontedPreps open a phrase before the subject: "Under a Labour
// government the tax burden would have to rise, he claims" (but "Among
// those weighing their options is Luke Camilleri, a 24-year-old" has its
// verb before the comma). ("During" and "following" are skipped as
// participles; phrasePreps are the phrases whose persons a pronoun after
// them is not.)
var frontedPreps = set("under", "without", "among", "amid", "despite", "unlike", "against", "within", "throughout", "beyond")

// auxiliaries open a verb phrase: one in a fronted phrase, not after a
// relative word, shows the sentence's own subject is inside it.
const auxiliaryWords = "was were is are has have had would will could should can may might must"

var auxiliaries = setAnd(auxiliaryWords)

// conjunctions open a sentence without an introductory phrase after them.
var conjunctions = set("but", "and", "yet", "so", "or", "nor", "also", "then", "now", "still", "instead")

var determiners = set("the", "a", "an", "one", "another", "this", "that", "these", "those", "his", "her", "my", "your",
	"their", "its", "our", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "several", "many")

var pronouns = map[string]byte{"he": 'm', "she": 'f', "they": 'p', "we": 'p', "i": 'x', "it": 'n'}

// honorifics precede a name and may say its gender.
var honorifics = map[string]byte{"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f',
	"miss": 'f', "dr": 0, "dr.": 0, "prof": 0, "prof.": 0, "professor": 0, "sir": 'm', "dame": 'f',
	"lord": 'm', "lady": 'f', "baroness": 'f', "baron": 'm', "rev": 0, "rev.": 0, "reverend": 0, "mx": 0,
	"mme": 'f', "m.": 'm', "herr": 'm', "frau": 'f', "sheikh": 'm', "king": 'm', "queen": 'f', "prince": 'm',
	"princess": 'f', "pope": 'm', "cardinal": 'm', "archbishop": 0, "bishop": 0, "rabbi": 0, "imam": 'm',
	"sayyid": 'm', "sayyida": 'f', "holiness": 0, "eminence": 0, "excellency": 0, "majesty": 0, "highness": 0, "metropolitan": 'm', "patriarch": 'm',
	"hon.": 0, "honourable": 0, "rt.": 0, "fr": 'm', "fr.": 'm', "father": 'm', "cllr": 0, "cllr.": 0, "cr": 0, "cr.": 0, "coun.": 0, "councillor": 0} // "Hon. Tevita Lavemaau" (but "Hon Hai" is a firm); "Fr Ġużeppi Xuereb"

// peerHonorific: "Lord Falconer" is a name in its own right.
var peerHonorific = set("lord", "lady", "baroness", "baron", "king", "queen", "prince", "princess", "pope")

// roleWords are titles and offices; stripped from a name and kept as its role.
var roleWords = set("president", "vice", "prime", "pm", "dj", "gp", "msp", "mla", "td", "cfo", "cto", "coo", "minister", "ministers", "secretary", "spokesman", "spokeswoman", "referee",
	"spokesperson", "spokespeople", "chancellor", "chairman", "chairwoman", "chair", "chairperson", "leader",
	"mp", "mep", "mps", "senator", "sen.", "representative", "rep.", "congressman", "congresswoman", "governor", "gov.", "mayor", "ambassador",
	"envoy", "general", "gen.", "gen", "admiral", "colonel", "col.", "col", "lieutenant", "lt.", "lt", "major", "maj.", "maj", "captain", "capt", "sgt",
	"lt-col", "lt-gen", "maj-gen", "brig-gen", "lt-cdr", "brig", // British ranks: "Lt-Col Ravuvu"
	"holder", "sergeant", "corporal", "cpl", "l/cpl", "pte", "commander", "chief", "head", "director", "deputy", "adviser", "advisor", "advisers", "officer",
	"official", "officials", "analyst", "economist", "correspondent", "editor", "reporter", "judge", "justice",
	"attorney", "counsel", "solicitor", "lawyer", "professor", "dr", "executive", "ceo", "founder", "co-founder",
	"manager", "coordinator", "commissioner", "councillor", "chancellor's", "press", "foreign", "defence",
	"defense", "home", "interior", "finance", "health", "education", "state", "shadow", "junior", "senior",
	"acting", "former", "ex", "first", "lady", "speaker", "whip", "undersecretary", "under-secretary",
	"assistant", "associate", "principal", "general's", "premier", "taoiseach", "tánaiste", "monarch", "pope", "diplomat", "negotiator",
	"treasurer", "partner", "president-elect", "co-chairman", "vice-president", "strategist", "pundit",
	"candidate", "member", "campaigner", "activist", "researcher", "expert", "consultant", "fellow",
	"administrator", "inspector", "superintendent", "constable", "registrar", "auditor", "controller",
	"commander-in-chief", "sheriff", "marshal", "dean", "rector", "provost", "bishop", "archbishop",
	"cardinal", "imam", "rabbi", "pastor", "chaplain", "presenter", "host", "anchor", "columnist",
	"writer", "author", "novelist", "historian", "scientist", "doctor", "surgeon", "nurse", "teacher",
	"headteacher", "student", "worker", "employee", "staff", "agent", "trader", "broker", "banker",
	"investor", "owner", "boss", "coach", "striker", "captain", "player", "manager", "referee", "singer",
	"actor", "actress", "star", "director-general", "secretary-general", "ministry", "mfa", "advisor's",
	"emissary", "aide", "aides", "engineer", "accountant", "advocate", "barrister", "programmer", "farmer", "grazier", "grower", "agronomist", "marketer", "pensioner", "volunteer", "medic", "specialist", "scholar", "academic", "lecturer", "backbencher", "secretary of state", "head of state", "head of government", "attaché", "consul", "delegate", "prosecutor", "generals", "officer's", "source", "insider")

// groupNouns name a group of speakers ("Many residents described …",
// "analysts said"): a speaker's description, never one person's role.
var groupNouns = set("analysts", "experts", "critics", "observers", "diplomats", "residents", "locals",
	"villagers", "protesters", "demonstrators", "campaigners", "activists", "witnesses", "economists",
	"lawmakers", "legislators", "senators", "commanders", "researchers", "scientists", "doctors", "workers",
	"employees", "investors", "traders", "officers", "soldiers", "politicians", "journalists", "countries",
	"governments", "allies", "members", "partners", "states", "nations", "capitals", "sources", "lawyers",
	"prosecutors", "supporters", "fans", "voters", "academics", "parents", "students", "families", "relatives", "authorities",
	"authors", "lenders", "bankers", "brokers", "dealers", "insurers", "retailers", "manufacturers", "exporters", "importers", "farmers", // (the trades business news quotes)
	"judges", "jurors", "editors", "negotiators", "organizers", "organisers", "consultants",
	"volunteers", "councillors", "growers", "hauliers", "motorists", "shoppers") // ("The judges called it "…"")

// roleConnectors may stand inside a role or name run: "Secretary of State", "Minister for Europe".
var roleConnectors = set("of", "for", "and", "to", "the", "ap", "de", "van", "von", "der", "den", "ter", "bin", "al", "la", "le", "es",
	"da", "du", "dos", "del", "di", "on")

// connectorText is roleConnectors[t.text], a connector written in lower
// case ("of", not "Of"), from the token's classes: the set's words are
// in lower case, so the text must be its own lower case.
func connectorText(t *tok) bool { return t.in(wConnector) && t.text == t.low }

// orgWords make a capitalised run an organisation, not a person.
var orgWords = set("islands", "house", "office", "chamber", "ministry", "department", "council", "committee", "association",
	"watch", "party", "union", "government", "institute", "agency", "kremlin", "pentagon", "commission",
	"bank", "court", "service", "services", "reuters", "interfax", "sputnik", "tass", "ria", "news", "bbc",
	"times", "post", "journal", "network", "alliance", "nato", "un", "eu", "organisation", "organization",
	"foundation", "trust", "group", "society", "federation", "league", "centre", "center", "university",
	"college", "school", "company", "corporation", "corp", "inc", "ltd", "plc", "ag", "gmbh", "pjsc", "ojsc", "jsc", "llc", "club", "army", "navy",
	"forces", "force", "police", "guard", "command", "staff", "headquarters", "parliament", "assembly",
	"congress", "senate", "cabinet", "treasury", "executive", "administration", "authority", "board",
	"bureau", "directorate", "secretariat", "embassy", "mission", "station", "hospital", "church",
	"tribunal", "press", "media", "television", "radio", "channel", "agency's", "fund", "programme",
	"program", "conference", "summit", "forum", "review", "report", "bill", "act", "treaty", "strategy",
	"index", "survey", "poll", "monitor", "observatory", "gazette", "herald", "telegraph", "guardian",
	"independent", "mirror", "sun", "express", "economist", "daily", "weekly", "tories", "labour",
	"conservatives", "democrats", "republicans", "greens", "whitehall", "downing", "street", "boulevard", "avenue", "fort", "palace", "division", "brigade", "regiment", "battalion", "corps", "fleet", "squadron",
	"kiev", "kyiv", "moscow", "washington", "beijing", "london", "paris", "berlin", "brussels", "minsk",
	"russia", "ukraine", "america", "britain", "china", "france", "germany", "europe", "belarus", "iran",
	"district", "region", "oblast", "province", "city", "cross", "square", "hunt", "number", "israel", "poland", "turkey", "japan", "india", "pakistan", "korea", "syria", "iraq", "afghanistan", "africa", "arabia", "zealand",
	"states", "kingdom", "nations", "emirates", "republic", "affairs", "jazeera", "qaeda", "arabiya",
	"electric", "motors", "dynamics", "airlines", "airways", "appeal", "gaa", "rfc", "industry", "industries", "holdings", "technologies", "systems", "farms", "vineyards", "orchards", "nurseries", "petroleum", "fuels", "supplies", "foods", "haulage", "logistics", "transport",
	"pharmaceuticals", "telecom", "telecoms", "consulate", "agreement", "accord", "pact", "charter", "declaration", "memorandum",
	"partnership", "cooperation")

// notNames are capitalised words that never begin or make a person's name.
var notNames = set("the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "in", "on", "at",
	"certain", "various", "several", "numerous", "some", "many", "such",
	"it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "if", "when",
	"while", "as", "after", "before", "since", "for", "of", "to", "with", "by", "from", "however", "meanwhile", "like",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
	"march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"russian", "ukrainian", "british", "american", "european", "french", "german", "chinese", "english",
	"scottish", "welsh", "irish", "belarusian", "polish", "western", "eastern", "northern", "southern",
	"north", "south", "east", "west", "new", "united", "national", "international", "federal", "royal",
	"liberal", "democrat", "democratic", "conservative", "tory", "republican", "socialist", "green",
	"lib", "dem", "dems", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "uk", "us", "u.s.", "u.k.", "eu", "un", "nato", "bbc",
	"muslim", "jewish", "christian", "catholic", "islamic", "arab", "asian", "african", "nazi",
	"there", "here", "what", "who", "why", "how", "where", "which", "all", "no", "not", "yes", "so", "then",
	"also", "both", "each", "every", "some", "many", "most", "more", "other", "such", "only", "just",
	"crimea", "donbas", "donbass", "nord", "stream", "covid", "osce", "g7", "g20", "intelligence",
	"quote", "quotation", "details", "source", "background", "update", "context", "talk", "speculation", "rumours", "rumors",
	"asked", "speaking", "according", "although", "despite", "under", "over", "about", "because", "last",
	"one", "two", "three", "several", "below", "above", "next", "earlier", "later", "now", "today", "yesterday", "tomorrow", "tonight", "ex", "former", "great",
	"without", "among", "amid", "during", "unlike", "following", "against", "within", "throughout", "beyond",
	"perhaps", "maybe", "suddenly", "surely", "instead", "local", "senior", "top", "leading", "any", "anyone", "everyone", "someone", "nobody", "none",
	"again", "once", "still", "even", "never", "finally", "remember", "imagine",
	"would", "could", "did", "does")

var maleNames = setAnd(moreMale, "john", "james", "david", "michael", "tony", "gordon", "jack", "charles", "peter",
	"alastair", "liam", "william", "tim", "oliver", "vincent", "carl", "mark", "dave", "paul", "matthew",
	"andrew", "richard", "robert", "stephen", "steven", "alan", "brad", "quentin", "ed", "edward", "digby",
	"joe", "joseph", "antony", "anthony", "ned", "vladimir", "volodymyr", "sergei", "sergey", "dmytro",
	"dmitry", "dmitri", "oleksii", "oleksiy", "mykhailo", "alexander", "alexei", "aleksei", "olaf",
	"emmanuel", "boris", "jens", "lloyd", "jake", "george", "donald", "barack", "hunter", "kevin", "jeremy",
	"trevor", "gerhard", "jacques", "ken", "kenneth", "nick", "nicholas", "chris", "christopher", "simon",
	"ian", "iain", "neil", "alex", "adam", "ben", "benjamin", "daniel", "thomas", "tom", "henry", "harry",
	"frank", "gary", "graham", "greg", "jim", "jimmy", "bill", "bob", "ron", "ronald", "roger", "keith",
	"kim", "lee", "martin", "mike", "patrick", "phil", "philip", "ray", "sam", "scott", "sean", "steve",
	"terry", "colin", "clive", "malcolm", "nigel", "norman", "derek", "des", "francis", "geoff", "geoffrey",
	"hugh", "jonathan", "justin", "luke", "otis", "ravi", "sher", "azzam", "amitai", "abdul", "osama",
	"mohammed", "muhammad", "ahmed", "ali", "hassan", "recep", "xi", "narendra", "yuri", "yury", "igor",
	"ivan", "viktor", "victor", "andriy", "andrii", "denys", "denis", "ruslan", "vitali", "vitaly",
	"vitaliy", "valery", "valeriy", "oleg", "oleh", "petro", "pavlo", "yevgeny", "evgeny", "nikolai",
	"mikhail", "maxim", "anatoly", "arseniy", "leonid", "viktor", "josep", "charles", "rishi", "keir",
	"matteo", "mario", "mateusz", "andrzej", "alar", "wopke", "pedro", "antonio", "justin",
	"mitch", "chuck", "lindsey", "marco", "ted", "rand", "pete", "mark", "dicky", "llyod",
	"francois", "françois", "andreas", "pasquale", "ettore", "jean-yves", "jean-pierre", "jean-claude", "jean-marie", "jean-luc", "hamilton", "cyril", "abiy")

// eitherNames are first names that men and women both bear: "Jean Reno",
// "Jean Corston".
var eitherNames = set("jean", "leslie", "hilary", "robin", "jan", "bernie") // (Jan Berry, Jan Peter Balkenende; Bernie Sanders, Bernie Maguire)

var femaleNames = setAnd(moreFemale, "jen", "jennifer", "wendy", "patricia", "theresa", "sandra", "ruth", "barbara", "nicola",
	"margaret", "rhona", "hannah", "betty", "christine", "ursula", "liz", "elizabeth", "kamala", "hillary",
	"iryna", "olena", "maria", "anna", "victoria", "linda", "karen", "lisa", "mary", "susan", "sarah",
	"emma", "helen", "jane", "julia", "angela", "annalena", "oona", "lucy", "maggie", "tessa", "clare",
	"claire", "harriet", "yvette", "diane", "caroline", "kate", "katherine", "catherine", "anne", "ann",
	"jacqui", "hazel", "estelle", "patsy", "glenys", "shirley", "valerie", "natalie", "nancy", "michelle",
	"samantha", "alice", "joanna", "joan", "emily", "rachel", "rebecca", "laura", "louise", "amanda",
	"deborah", "debbie", "fiona", "gillian", "heather", "janet", "jill", "judith", "julie", "kathleen",
	"lorna", "lynne", "marie", "melanie", "nadia", "olga", "oksana", "svetlana", "tatiana", "yulia",
	"zoe", "ffion", "cherie", "kaja", "ingrida", "mette", "sanna", "ursula", "roberta", "kristalina",
	"antonia", "lady", "irina", "marina", "natalia", "liz", "priti", "suella", "jacinda", "giorgia")

// standingWords tell where a player stands before the noun for them
// (standingHeads): "the seventh seed", "the defending champion".
var standingWords = set("top", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "defending", "reigning")

var standingHeads = set("seed", "champion")
