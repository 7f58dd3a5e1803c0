package extract

import (
	"strings"
	"testing"
	"time"

	"dossier"
)

// TestSpeakerRules checks each attribution rule of the second round on a
// short text of its own: the speaker of every quotation, in order.
func TestSpeakerRules(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // the speaker of each quote; "" when no one is named
	}{
		{"transcript labels: the speaker's turn, the interviewer's question",
			"Question: “Will Russia attack?”\n\nVladimir Putin: “We have no such plans.”",
			[]string{"", "Vladimir Putin"}},
		{"a role in apposition after lower-case words: the EU's foreign policy chief",
			"Simon Coveney spoke first. “No,” he said.\n\nThe EU’s foreign policy chief, Josep Borrell, said ministers had agreed. Asked about it, he described it as “one more example”.",
			[]string{"Simon Coveney", "Josep Borrell"}},
		{"a place after a speaker's description says where it is, it does not speak",
			"A Western diplomat in Kyiv, speaking on condition of anonymity, told AFP the deployment was “not a coincidence”. The Russian Embassy in Ottawa accused Canada of “pumping Ukraine with weapons”. A senior official in Washington said it was “a bluff”.",
			[]string{"Western diplomat", "Russian Embassy in Ottawa", "senior official"}},
		{"a body named by its kind is the body named before, never a person whose office names it",
			"External Affairs Ministry spokesperson Arindam Bagchi said flights would be added.\n\nRussia's defence ministry announced that some units were returning to base. “Units have begun loading onto trains,” the ministry said in a statement.\n\nConservatives said the government had moved too slowly. In a statement, the party called the announcement “a half-measure”.",
			[]string{"Russia's defence ministry", "Conservatives"}},
		{"a name that ends in an organisation's last word is a body: Amnesty International, Manchester United",
			"Amnesty International has called Camp Delta a “major human-rights scandal”. No formal offer has been made, but Manchester United have confirmed they have received a “detailed proposal” from the tycoon.",
			[]string{"Amnesty International", "Manchester United"}},
		{"a title is an office: the cardinal is the one named Cardinal",
			"Poverty must end, Cardinal Cormac Murphy-O'Connor has said. The Archbishop of Canterbury, Dr Rowan Williams, agreed.\n\nThe cardinal said 2005 should be the year to “make history poverty”. On Friday, the Cardinal will ask for peace. “It is possible,” he will say.",
			[]string{"Cormac Murphy-O'Connor", "Cormac Murphy-O'Connor"}},
		{"a body with seats in many places keeps the place its mention gives, and so does an it after it",
			"The Russian Embassy in Athens rejected what it called “groundless speculation”. In a post on its Facebook page, it accused Western media of stoking “war hysteria”.",
			[]string{"Russian Embassy in Athens", "Russian Embassy in Athens"}},
		{"appositions one after another describe the subject: a state, a party, a place before a name are no one",
			"Rep. Michael McCaul, R-Texas, the top Republican on the House Foreign Affairs Committee, told Fox News that the White House had “projected weakness”.\n\nDonald Tusk, the leader of the largest opposition party, Civic Platform (PO), wrote on Twitter that “there is no government and opposition”.\n\n“I am outraged at the hypocrisy,” the play's organiser in Uganda, Sarah Mukasa, told the BBC.",
			[]string{"Michael McCaul", "Donald Tusk", "Sarah Mukasa"}},
		{"a surname that is also a title after a first name is a name: Grant Dean, not a dean",
			"Bafta's Grant Dean, chair of Bafta's Interactive Entertainment committee, said all the entrants had been of “outstanding quality”. “It has been a landmark year,” he added.",
			[]string{"Grant Dean", "Grant Dean"}},
		{"a message speaks for the one whose message the article says it is",
			"In his message of greetings to President of the Republic of South Africa Cyril Ramaphosa, the Russian leader Vladimir Putin noted that relations were making good progress. “I hope that in 2022 we will continue to work closely,” the message reads.",
			[]string{"Vladimir Putin"}},
		{"initials in an interview are the person named in full before",
			"SWI swissinfo.ch asked Laurent Favre, professor of international relations, what the talks could achieve.\n\nLaurent Favre: “On NATO enlargement, no.”\n\nL.F.: “To keep the doors open and to stay discreet.”",
			[]string{"Laurent Favre", "Laurent Favre"}},
		{"a company named after a description: US behemoth General Electric",
			"US behemoth General Electric has posted an 18% jump in quarterly sales, and declared itself “in great shape”.",
			[]string{"General Electric"}},
		{"the words of a quotation after 'X said:' are no sign that X is an organisation",
			"The Gunners are boosted by the news that defender Sol Campbell is to sign a new deal. Campbell said: “It means a lot to me to go through.”",
			[]string{"Sol Campbell"}},
		{"a quotation's words after a name are no sign that it is an organisation: said Sella, “which …”",
			"Former France centre Philippe Sella believes coach Bernard Laporte is right. “This season is very important,” said Sella, “which Laporte is doing very well.” But Sella added: “People forget that France can still win.”",
			[]string{"Philippe Sella", "Philippe Sella"}},
		{"the Waterford man is the man the article is about; a stadium is no one",
			"Jamie Costin should be paralysed.\n\nHe recalls the accident nine days before he was to step into the Olympic Stadium in Athens. “I was in a lot of pain,” says the Waterford man.",
			[]string{"Jamie Costin"}},
		{"a word capitalised only because it opens a sentence names no one",
			"Jamie Costin was hurt in Athens. “I was lucky,” said Jamie Costin. Doctors in Athens had wanted to operate on his back but he insisted on waiting. “The Greek doctors were going to put rods in.”",
			[]string{"Jamie Costin", "Jamie Costin"}},
		{"Bill is a first name, not a bill; names that qualify a noun are no one",
			"Millions use the Skype Voip service. Bill Simmelink, general manager of TI's Voip business, said the technology would take off. “It's about the application,” he said.",
			[]string{"Bill Simmelink"}},
		{"many of our partners are the partners",
			"We see that many of our partners say: “Yes, we made a mistake.”",
			[]string{"partners"}},
		{"a person described by where they are from or work",
			"A diplomat from a western member state said it was “normal” that views differ. A source in the French presidency told Reuters: “This time it's different.”",
			[]string{"diplomat from a western member state", "source in the French presidency"}},
		{"who is quoted as saying: the one quoted, not the subject of the words",
			"Deputy Foreign Minister Sergei Ryabkov spoke on Tuesday. He was quoted by the Interfax news agency as saying Moscow expected a “rapid reaction” from Washington. Interfax quoted Sergei Lavrov as saying NATO had shown “no will” to talk.",
			[]string{"Sergei Ryabkov", "Sergei Lavrov"}},
		{"what follows 'said' with a verb of its own is what was said, not who; editor-in-chief is an office",
			"Elliott Wilson, editor-in-chief of hip-hop magazine XXL, said the feud would boost publicity. “It helps him obviously,” he said.",
			[]string{"Elliott Wilson"}},
		{"the embassy is the embassy named before, with its seat; a readout of a call is its author's",
			"In a statement, the Russian Embassy in Ottawa said Canada was “pumping weapons” into Ukraine.\n\n“Russia does not threaten anyone,” the embassy said.\n\nLloyd Austin spoke with his Romanian counterpart. The two “reaffirmed the ironclad commitment of the United States to Article 5,” according to a Pentagon readout of the call.",
			[]string{"Russian Embassy in Ottawa", "Russian Embassy in Ottawa", "Pentagon"}},
		{"a readout goes on in the next sentence: its partial is the readout's, not the participants'",
			"In the meeting held on Tuesday, the officials talked about close coordination, State Department spokesperson Ned Price said in a readout on Friday. The diplomats also jointly agreed on “swift and severe coordinated consequences” for Russia.",
			[]string{"Ned Price"}},
		{"words a person said that an organisation reports are the person's",
			"President Joe Biden told Vladimir Putin that an invasion would cause “widespread human suffering”, the White House said.\n\nThe State Department said Antony Blinken had urged “immediate de-escalation”. The Kremlin said it had “taken note”.",
			[]string{"Joe Biden", "Antony Blinken", "Kremlin"}},
		{"an apposition the writer did not close: the role's complement is not the speaker",
			"Howard Archer, economist at Global Insight said the MPC “may well consider” a rise.",
			[]string{"Howard Archer"}},
		{"a transcript label the page's title runs into opens a turn",
			"Speech at the Council of Lawmakers meeting President of Russia Vladimir Putin: Good afternoon, colleagues. Our enemies have been developing new “geopolitical weapons.” They want an “anti-Russia”.",
			[]string{"Vladimir Putin", "Vladimir Putin"}},
		{"a participle after a speech clause and a time has the clause's speaker; a platform never speaks",
			"Tokyo has agreed to divert gas to Europe, industry minister Koichi Hagiuda said last week, calling the decision a “necessary step”.\n\nThe Russian Embassy in London went further, posting a mocking message on Twitter claiming that “the British are ready to fight”.",
			[]string{"Koichi Hagiuda", "Russian Embassy in London"}},
		{"two quotes a sentence of the writer's stands between are two; a quote after a sentence that reports no speech is not its subject's unless a person",
			"Ted Cruz attacked the chancellor. “He chose not to act,” Cruz said. Republicans have long opposed the pipeline. “The chancellor had the chance.”\n\nDouble try scorer Martyn Williams was keen not to talk about it. “We’ve got more self-belief these days.”",
			[]string{"Ted Cruz", "Ted Cruz", "Martyn Williams"}},
		{"a lone name set off after a noun for a person is a person's",
			"Olena said so. Her neighbour, Mykola, a retired train driver who gave only his first name, was less certain. “They said that in 2014,” he said.\n\nHer neighbour, a retired teacher who gave only his first name, Vytautas, said he remembered the night. “Back then we had nothing,” he said.",
			[]string{"Mykola", "Vytautas"}},
		{"the speaker of a sentence of reported speech, not its subject, is who a he after it is",
			"Tory leader Michael Howard attacked the Budget. Mr Brown liked to rattle off “magical balances”, the Tory leader said. “This is a dodgy Budget,” he said.\n\nMr Brown’s council tax rebate was £300 less, Mr Howard said. Nothing would put more police on the streets. “I say bring it on,” he said.",
			[]string{"Michael Howard", "Michael Howard", "Michael Howard"}},
		{"an attribution right after a partial that ends in a comma, with more after the verb",
			"Tory leader Michael Howard spoke in London. The Budget was not about the country, but “all about the interests of the Labour party,” the Tory leader said after mockingly welcoming the chancellor back to the campaign.",
			[]string{"Michael Howard"}},
		{"the possessor of a description is named in full",
			"Tony Blair apologised to the Guildford Four. Nobody could “ever forget the strength of feeling”, Mr Blair’s official spokesman said.",
			[]string{"Tony Blair’s official spokesman"}},
		{"a clause that hands over to the next quote with a colon is not the attribution of the quote before",
			"Michael Howard spoke first. New Metropolitan Police Commissioner Sir Ian Blair has backed the orders, saying: “I’m sorry. It is a dilemma, but there is only one choice.” But Mr Howard said: “We have serious misgivings.”",
			[]string{"Ian Blair", "Michael Howard"}},
		{"a list inside a name is one name",
			"James Seller spoke first. A Department for Media, Culture and Sport spokeswoman said: “We are working with the US embassy.”",
			[]string{"Department for Media, Culture and Sport spokeswoman"}},
		{"the one a sentence is according to is who a he after it is",
			"Defence Minister Mariusz Błaszczak wrote on Twitter that the army was ready.\n\nAccording to Tomasz Wierzbicki of the Centre for Eastern Studies, Moscow has never treated the organisation as a partner.\n\n“The Kremlin wants to talk to Washington,” he told PAP.",
			[]string{"Tomasz Wierzbicki"}},
		{"a description in apposition after a noun of nationality is the subject",
			"“People here are calm,” said Dana Shapiro, who works in Kyiv.\n\nAnother Israeli, a medical student in Vinnytsia who asked that his name not be used, said his parents had been calling him. “My mother told me to leave,” he said.",
			[]string{"Dana Shapiro", "medical student in Vinnytsia"}},
		{"people met in a report are persons: a soldier, a waiter",
			"Olena Marchenko runs a bookshop. “I would rather not find out,” Marchenko said.\n\nA young soldier I met at a checkpoint was less philosophical. Asked what he would do, he tapped his rifle. “My job,” he said.\n\nAt a cafe across the street, a waiter told me that the “invasion” had been put off so many times that he had stopped checking the news.",
			[]string{"Olena Marchenko", "young soldier", "waiter"}},
		{"inside a transcript turn, a partial whose sentence names another subject is that subject's; a sentence adverb is no name; we is the turn's speaker",
			"Sergei Lavrov: Mr President, we sent the documents. Indicatively, in their response, some NATO countries immediately urged us to stop “the occupation of Crimea”. Incidentally, US politicians write and say that a veritable “empire of lies” has been created. And we should not say “we will survive the sanctions”.",
			[]string{"NATO countries", "US politicians", "Sergei Lavrov"}},
		{"a name the Kremlin's pages repeat surname first, glued to the role, is the name",
			"Vladimir Putin: Thank you. Mr Naryshkin.\n\nDirector of the Foreign Intelligence Service Sergei Naryshkin Naryshkin SergeiDirector of the Foreign Intelligence Service : Mr President, we have seen that they want “a war”. If there is no press around, he says that “we cannot do it”.",
			[]string{"Sergei Naryshkin", "Sergei Naryshkin"}},
		{"a description whose head is a noun for a person speaks",
			"Mikhail Galuzin warned Japan. “We have to be realistic,” a veteran LDP lawmaker said.",
			[]string{"veteran LDP lawmaker"}},
		{"a kinship noun beside a name gives its gender",
			"Moazzam Begg was freed. Azmat Begg, father of Moazzam, thanked his lawyers. He added: “They should never have been there.”\n\nAditya Kumar is a student. His father, Ramesh Kumar, a schoolteacher, booked a ticket. “Fares have doubled,” he said.",
			[]string{"Azmat Begg", "Ramesh Kumar"}},
		{"a name followed by who is a person, whatever the gender of the name",
			"Séamus O’Driscoll, who skippers a trawler, said the fleet had no detail. “That’s our living,” he said.",
			[]string{"Séamus O’Driscoll"}},
		{"a literal office before its synonym: the NSDC Secretary",
			"Defense Minister Oleksii Reznikov spoke first. “We are ready,” Reznikov said.\n\nSecretary of the National Security and Defense Council Oleksiy Danilov spoke next. “We do not rule out any scenario,” the NSDC Secretary said.",
			[]string{"Oleksii Reznikov", "Oleksiy Danilov"}},
		{"the head of a ministry is its minister",
			"This was stated by Defense Minister of Ukraine Oleksii Reznikov in the Rada.\n\n“We are not sitting with folded arms,” the head of the defense ministry emphasized.",
			[]string{"Oleksii Reznikov"}},
		{"the agent of a passive verb of speech: this was stated by",
			"Russia must understand the price. This was stated by President Volodymyr Zelenskyy to the media. “Nobody wants that. Everyone understands. I am not sure,” he said.",
			[]string{"Volodymyr Zelenskyy"}},
		{"an attribution a few words longer closes a partial",
			"Russian naval exercises off the coast are “not welcome”, the Minister for Foreign Affairs Simon Coveney has told his EU counterparts.",
			[]string{"Simon Coveney"}},
		{"an agency after the speech clause only carried the words",
			"Kremlin spokesman Dmitry Peskov welcomed the decision. Western arms only encouraged Kyiv to “military adventures”, he said, according to the Interfax news agency.",
			[]string{"Dmitry Peskov"}},
		{"the persons of a question are not the one who answers",
			"“This policy will not change,” Hebestreit said. Asked whether Chancellor Olaf Scholz had discussed the matter with Joe Biden, he said the two men were “in close contact.”",
			[]string{"Hebestreit", "Hebestreit"}},
		{"the it of a relative clause is not the subject of a coordinated verb",
			"In Kyiv, Foreign Minister Dmytro Kuleba thanked Britain for the weapons it has supplied and said partners were now “speaking with one voice”.",
			[]string{"Dmytro Kuleba"}},
		{"it after an organisation the subject names",
			"The Russian embassy in Canberra accused Western governments of “spreading panic”. In a post on its Facebook page, it said Russia “has no plans to attack anyone”.",
			[]string{"Russian embassy in Canberra", "Russian embassy in Canberra"}},
		{"a quote inside a transcript turn is the speaker's",
			`President of Russia Vladimir Putin: Friends, this is what is called "genocide." Thank you.`,
			[]string{"Vladimir Putin"}},
		{"a turn yields to an attribution of its own",
			`Vladimir Putin: Bishop Illarion said, "We did not create it." Of course.`,
			[]string{"Illarion"}},
		{"a pronoun takes the sentence's subject before a possessor in an introductory phrase",
			"Speaking after talks with Hungary's Prime Minister Viktor Orban, Mr Putin said: \"Our concerns were ignored.\"\n\n\"They are trying to drag us into a war,\" he said.",
			[]string{"Vladimir Putin", "Vladimir Putin"}},
		{"a sentence that opens with a quote has its speaker as subject",
			`"Voice control unlocks the devices," said Ross Blanchard, vice president of business development for Gracenote. "These applications will change the car," he added.`,
			[]string{"Ross Blanchard", "Ross Blanchard"}},
		{"an office no one was named as goes to the subject before",
			"Boris Johnson has warned of a disaster.\n\nSpeaking alongside the Nato secretary general, Jens Stoltenberg, the prime minister said: “This is the most dangerous moment.”",
			[]string{"Boris Johnson"}},
		{"a shadow office is another office",
			"Lavrov struck a sarcastic tone. “We will see,” the foreign minister told journalists.\n\nLabour’s shadow foreign secretary, David Lammy, said nothing.",
			[]string{"Sergei Lavrov"}},
		{"a role run goes on past a possessive office",
			`This was said by Adviser to the Head of the President's Office Mykhailo Podoliak. "The army is ready," said the Adviser to the Head of the President's Office.`,
			[]string{"Mykhailo Podolyak"}},
		{"the head of state is the president",
			`This was stated by President of Ukraine Volodymyr Zelenskyy. "We are defending ourselves," the Head of State stressed.`,
			[]string{"Volodymyr Zelenskyy"}},
		{"X, who said",
			`But the claim was denied by a UKIP spokesman, who said: "His accusations are empty."`,
			[]string{"UKIP spokesman"}},
		{"name particles",
			`French Culture Minister Renaud Donnedieu de Vabres presented the award. "You have explored film," Mr de Vabres said.`,
			[]string{"Renaud Donnedieu de Vabres"}},
		{"coordinated verbs share the subject",
			`Chris Rock said he will keep it clean. He said that he hardly watched the Oscars and labelled the ceremonies "idiotic".`,
			[]string{"Chris Rock"}},
		{"a partial in a clause reported by 'X said' is X's, unless a person's verb of speech governs it",
			`Antony Blinken spoke to Sergei Lavrov. The State Department said the call had been "frank". The State Department said Mr Blinken had urged "immediate de-escalation".`,
			[]string{"State Department", "Antony Blinken"}},
		{"an associate of X is not X; the lede's description is the person introduced next",
			"A close associate of former Yukos boss Mikhail Khodorkovsky has told a court the charges are \"false\".\n\nPlaton Lebedev has been on trial since June.",
			[]string{"Platon Lebedev"}},
		{"a subject with a possessive",
			"Jennifer Lopez said: \"I'm not well.\" The film's director Peter Chelsom said he was disappointed.\n\n\"It's a shame.\"",
			[]string{"Jennifer Lopez", "Peter Chelsom"}},
		// round 3
		{"a firm said it: 'the company' and 'it' are the firm",
			"Russian gas giant Gazprom said Tuesday it would keep supplying Europe. \"We fulfil our obligations,\" the company said.\n\nNaftogaz said it had recorded a drop. It called the cut \"blackmail\".",
			[]string{"Gazprom", "Naftogaz"}},
		{"'the club' is the club named before, not its sponsor",
			"Schalke have removed the logo of their sponsor Gazprom, the German club announced. \"We decided this,\" the club said.",
			[]string{"Schalke"}},
		{"a short name of a club named in full",
			"Manchester United cut their ties with Aeroflot. \"We share the concerns of our fans,\" United said.",
			[]string{"Manchester United"}},
		{"the ministry is the ministry named, not the firm",
			"Shell said it would leave. The Ministry of Finance said it had placed bonds. \"The demand was significant,\" the ministry said.",
			[]string{"Ministry of Finance"}},
		{"a bare 'the President' is the one whose role names no other country",
			"President Volodymyr Zelenskyy met President of the Republic of Estonia Alar Karis in Kyiv. Alar Karis arrived on Monday. \"This is a signal for us,\" the President said.",
			[]string{"Volodymyr Zelenskyy"}},
		{"the head of state's message is the person the article is about",
			"The message from the head of state reads, in part:\"Christmas unites people.\" On Christmas Eve, Vladimir Putin attended services.",
			[]string{"Vladimir Putin"}},
		{"'the Dutchman' is the person the sentences before are about",
			"Tottenham manager Martin Jol acclaimed his players.\n\n\"It was a professional performance,\" the Dutchman said.",
			[]string{"Martin Jol"}},
		{"'the England captain' no one named holds",
			"Real Madrid midfielder David Beckham has no plans to become a manager.\n\n\"I am not interested in being a coach,\" the England captain said.",
			[]string{"David Beckham"}},
		{"a partial after a passive stance verb has no speaker",
			"TV channel Five has been criticised for sending \"offensive\" and \"threatening\" material.",
			[]string{"", ""}},
		{"'Its statement' is the organisation's",
			"Coca-Cola gave no details. Its statement said only that its \"hearts are with those enduring it\".",
			[]string{"Coca-Cola"}},
		{"X there, who …, called",
			"A senior official there, who spoke on condition of anonymity because he was not authorized to speak publicly, called the exodus \"a mistake they will regret\".",
			[]string{"senior official"}},
		// round 4
		{"a name before 'of' is the person, not the firm after",
			"\"Customers are impatient,\" says Cara Diemont of IT firm Dimension Data. \"It is scary,\" Ms Diemont says.",
			[]string{"Cara Diemont", "Cara Diemont"}},
		{"a capitalised particle is a first name; a post-nominal is no part of the name",
			"\"It is fine,\" said Al Breach, an economist at UBS. The chairman of the Bar Council, Guy Mansfield QC warned of the \"margins of society\".",
			[]string{"Al Breach", "Guy Mansfield"}},
		{"one of the officials named before",
			"Russia has moved blood supplies, three U.S. officials said.\n\n\"You need no blood for exercises,\" one of the officials said.",
			[]string{"U.S. official"}},
		{"a knight by his first name",
			"Sir Digby Jones spoke first. Sir Digby added: \"I do not think so.\"",
			[]string{"Digby Jones"}},
		{"an apposition between dashes",
			"\"We used to see hustlers,\" Andrei Illarionov - then economic adviser to President Vladimir Putin - told a press conference.",
			[]string{"Andrei Illarionov"}},
		{"lower-case role words before the name",
			"Double try scorer Martyn Williams was keen not to talk.\n\n\"We've got more self-belief,\" he added.",
			[]string{"Martyn Williams"}},
		{"a sentence of reported speech has its speaker as subject",
			"Patriots wanted the UK to be strong abroad, Mr Straw said. \"Our role in the EU is crucial.\"\n\nJack Straw is foreign secretary.",
			[]string{"Jack Straw"}},
		{"an office holder is someone named, not a plural noun that opens a sentence",
			"Voters will have a clear choice, said Charles Kennedy.\n\nIn his New Year message the Liberal Democrat leader said Labour used \"populist scares\".",
			[]string{"Charles Kennedy"}},
		{"'which described' is the phrase before the comma; a possessive's thing is no speaker",
			"The EU's move was welcomed by Beijing, which described the embargo as a \"product of the Cold War\".",
			[]string{"Beijing"}},
		{"'the claims' is a noun, not a verb",
			"ABC said the claims had \"no merit\".",
			[]string{"ABC"}},
		// round 5
		{"quoted X as saying",
			"\"We're mourning a great company,\" the agency quoted Peoplesoft worker David Ogden as saying.",
			[]string{"David Ogden"}},
		{"a colon hands over to the quote",
			"Secretary of State Antony Blinken put it bluntly: \"We are in the window.\"",
			[]string{"Antony Blinken"}},
		{"the attribution right after the sentence's last quote, before a trailing clause",
			"Joe Biden spoke to Vladimir Putin. An invasion would leave Russia \"more isolated than ever,\" the White House said, as the U.S. ordered diplomats out.",
			[]string{"White House"}},
		{"a statement's author reports the clause inside it",
			"The Russian Foreign Ministry said in a statement that Sergei Lavrov had accused Washington of a \"propaganda campaign\".",
			[]string{"Russian Foreign Ministry"}},
		{"', adding that' is no attribution; a relative clause with an apposition inside",
			"Maria Zakharova wrote that Western reactions were \"predictable,\" adding that the ball was theirs. Boris Johnson, who later flew to Poland for talks with its prime minister, Mateusz Morawiecki, said diplomacy \"must prevail\".",
			[]string{"Maria Zakharova", "Boris Johnson"}},
		// round 6
		{"surname particles; a nationality after the office is a first name",
			"European Commission President Ursula von der Leyen said Europe \"would not be held hostage\". The plan was \"unjustified\", said Economy minister German Gref. German Chancellor Olaf Scholz said it was \"serious\".",
			[]string{"Ursula von der Leyen", "German Gref", "Olaf Scholz"}},
		{"according to him; a passive's agent; a group as speaker",
			"\"It is a catastrophe,\" said Volodymyr Zelenskyy. According to him, children are taken to replenish the \"exchange fund\". The talks were described by one official as \"frosty\". Many residents described the warnings as \"panic from abroad\".",
			[]string{"Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "official", "residents"}},
		{"'went' is no verb of speech",
			"Jake Sullivan spoke first. Mr. Sullivan said the measures went well beyond the sanctions of 2014 and would \"hit the Russian economy where it would feel it for years.\"",
			[]string{"Jake Sullivan"}},
		{"two people joined by 'and'; 'on Monday' is no part of a name; a coordinated subject is no 'he'",
			"President of Ukraine Volodymyr Zelenskyy and Prime Minister of the Netherlands Mark Rutte met. \"We agreed,\" the President said. Putin on Monday ordered troops into what he called \"peacekeeping\" duty. Head of the Office Andriy Yermak spoke. President of France Emmanuel Macron and the leadership of the European Union are active. \"We are strong,\" he said.",
			[]string{"Volodymyr Zelenskyy", "Vladimir Putin", "Andriy Yermak"}},
		{"a 'Quote:' lead-in; a first name alone; a long apposition; 'the expert'",
			"Mykhailo Podolyak told Ukrainska Pravda that Kyiv was ready.\n\nQuote: \"We are ready to talk.\"\n\nOksana, a 41-year-old accountant, told Ukrainska Pravda that she had not slept.\n\n\"We heard shooting,\" she said. Igor Kravtsov, a senior researcher at the Primakov Institute of World Economy and International Relations (IMEMO), told TASS it was unusual.\n\n\"Moscow has nothing to hide,\" the expert said.",
			[]string{"Mykhailo Podolyak", "Oksana", "Igor Kravtsov"}},
		{"a description with a country is no one of another country; a company suffix",
			"Belarusian President Alexander Lukashenko spoke first. Volodymyr Zelenskyy flew to Munich.\n\n\"We will defend our land,\" the Ukrainian president said. Nord Stream 2 AG, the Swiss-based company that owns the pipeline, said it had \"taken note\".",
			[]string{"Volodymyr Zelenskyy", "Nord Stream 2"}}, // a company without its legal form
		{"a document's author is the person it names; an office before an organisation; a first name alone",
			"The report, by the former Dutch prime minister Wim Kok, is out. \"The status quo is not an option,\" Mr Kok's report said. \"Everybody is responsible,\" his report said. \"I hope this day will focus people,\" Curt Hopkins, director of the Committee, told the BBC. \"It is messy,\" said Mr Hopkins. Sharon Osbourne spoke on Tuesday. \"We worked for everything,\" said Sharon.",
			[]string{"Wim Kok", "Wim Kok", "Curt Hopkins", "Curt Hopkins", "Sharon Osbourne"}},
		{"'Mr.' ends no sentence; a person before 'and'; a first name after an office's words",
			"WASHINGTON—President Biden and German Chancellor Olaf Scholz pledged a unified response on Monday.\n\n\"Nobody should doubt that we will stand together,\" Mr. Scholz said at a news conference.\n\n\"Trust me,\" the president said. Minister for the Reintegration of the Temporarily Occupied Territories Iryna Vereshchuk spoke. \"Come to us,\" she said.",
			[]string{"Olaf Scholz", "Joe Biden", "Iryna Vereshchuk"}},
		{"a description never spans a verb; no head from a function word",
			"Ronnie Corbett has joined fellow comedy stars Victoria Wood and David Jason in attacking television.\n\nSpeaking to the Radio Times, the Two Ronnies star said there is too much bad language. \"You get fed up,\" he complained. The 52-year-old's enthusiasm for the work is in contrast. \"I had discussions,\" he said.",
			[]string{"Ronnie Corbett", "Ronnie Corbett"}},
		{"a document named by its author's organisation; a company without its legal form",
			"Their task, according to a Kremlin decree, is to \"keep the peace\". A White House statement called it \"a flagrant violation\". Gazprom PJSC said it was meeting its obligations. \"Gazprom supplies gas in full,\" the company said.",
			[]string{"Kremlin", "White House", "Gazprom"}},
		{"anonymous sources; a colon after a clause; a bullet; a body named by a place; an organisation named by its purpose",
			"A Foreign Office source dismissed the criticism. \"She went in knowing what to expect,\" the source said. A source close to the Presidential Administration told Meduza it was planned.\n\n\"Everybody understands,\" the source said.\n\n• A senior Ukrainian official pushed back: \"The president is not going to hide.\"\n\n\"Such steps do not help,\" the Russian embassy in London said. The Center for Strategic Communications and Information Security said: \"Funds are not at risk.\"",
			[]string{"Foreign Office source", "source close to the Presidential Administration", "senior Ukrainian official", "Russian embassy in London", "Center for Strategic Communications and Information Security"}},
		{"a fronted phrase before the subject; a participle after a comma; a parenthesis and a relative clause in an apposition",
			"In Kyiv, Foreign Minister Dmytro Kuleba thanked Canada on Twitter, calling it \"a true friend\".\n\nAt the White House, national security adviser Jake Sullivan defended the approach, saying Biden had been \"direct\" with Putin.\n\nSen. Jim Risch (Idaho), the top Republican on the panel, said the administration had \"wasted months\".\n\nMr Johnson, MP for Henley-on-Thames, Oxfordshire, said he suspected Labour was trying \"to curry favour\".\n\nTurkish President Recep Tayyip Erdogan on Thursday renewed the offer, saying Türkiye would do \"whatever falls to it\".",
			[]string{"Dmytro Kuleba", "Jake Sullivan", "Jim Risch", "Johnson", "Recep Tayyip Erdogan"}},
		{"a speech clause inside a sentence; the told say nothing; a subject's unknown gender; a relative clause after the intro",
			"Michael Howard spoke in Kent. Mr Blair has failed, he claimed, saying he has the \"wrong solution\".\n\nYelena, whose husband serves in a brigade, says his unit left. In January, she says, the soldiers were told they would stay \"until further notice.\"\n\nVieira also clashed with opposing skipper Roy Keane and referee Graham Poll had to separate them. After the match, Keane accused Vieira of starting the row. \"Patrick Vieira is 6ft 4in,\" he said.\n\nIn the metro station, where hundreds spent the night, Oksana, a 41-year-old accountant, told Ukrainska Pravda that she had not slept. \"We heard shooting,\" she said.",
			[]string{"Michael Howard", "Yelena", "Roy Keane", "Oksana"}},
		{"according to a document's author; a sentence that opens 'According to X,'",
			"According to a written statement by the Turkish Communications Directorate, the leaders also discussed \"regional and global issues\". According to the Kremlin's readout, Vladimir Putin accused Kyiv of \"sabotage\".",
			[]string{"Turkish Communications Directorate", "Vladimir Putin"}},
		{"a role, a comma, then who holds it after 'said'; an owner before a name, its possessive written s' or 's; an adverb in -ly before the verb",
			"The bank held its rates. \"The evidence suggests the rises have worked,\" said EEF chief economist, Steve Radley. \"The Bank should stand ready to cut.\"\n\nNude scenes are \"non-essential\", said PBS' Jacoba Atlas. \"Search is going to be personal,\" said Yahoo's Yonca Brunini.\n\nMoyes said: \"It was a push.\" An angry Beattie initially said: \"He would have stayed down.\"",
			[]string{"Steve Radley", "Jacoba Atlas", "Yonca Brunini", "Moyes", "Beattie"}},
		{"a readout goes on in the next sentence, an adverb before its verb or not",
			"The ministers discussed the border, State Department spokesperson Ned Price said in a readout. The diplomats also jointly agreed on \"swift and severe consequences\".",
			[]string{"Ned Price"}},
		{"a dateline is no speaker; a day after a seat is no part of it; advised and compared are stances",
			"NEW DELHI: The Indian embassy in Kyiv on Tuesday advised students whose stay is \"not deemed essential\" to leave. \"Indian nationals may consider leaving,\" the embassy said. Later, Mr Lavrov compared the talks to \"a conversation between the mute and the deaf\".",
			[]string{"Indian embassy in Kyiv", "Indian embassy in Kyiv", "Sergei Lavrov"}},
		{"a name among appositions before the verb; a gloss in brackets after a name; a day after a group; the last word of a ministry",
			"Her husband, Taras Hrytsenko, 44, an engineer, said the rules made it \"almost impossible\".\n\nChinese Nationalist Party (KMT) Chairman Eric Chu (朱立倫) urged the government not to \"stir up panic\". \"We are monitoring closely,\" council Deputy Minister Chiu Chui-cheng (邱垂正) told a news conference.\n\nEU foreign ministers on Monday (24 January) called the build-up \"massive\". The Ministry of Foreign Affairs and International Cooperation urged citizens \"to leave immediately\".",
			[]string{"Taras Hrytsenko", "Eric Chu", "Chiu Chui-cheng", "EU foreign ministers", "Ministry of Foreign Affairs and International Cooperation"}},
		{"an adjective with a hyphen is no part of a name; a 'he' after a subject a relative clause makes a person",
			"Jamie Foxx won best actor, while British actor Clive Owen won best supporting actor. Celebrating his win, the Oscar-nominated Owen told reporters: \"It is all new to me.\"\n\nFoxx apologised for not being in London. DiCaprio, who lost out on the award to Foxx, will face him again at the Oscars.\n\n\"It is the first time I have come to the Baftas,\" he told reporters.",
			[]string{"Clive Owen", "DiCaprio"}},
		{"'in the words of X'; an office that reports a person's words; a noun before a role; a fronted place and a kin noun before a name",
			"Liz Truss went to Moscow. It ended, in the words of one British official travelling with her, as \"a dialogue of the deaf\".\n\nIn Brussels, Boris Johnson, standing next to Nato Secretary General Jens Stoltenberg, said Europe faced \"the most dangerous moment\". Downing Street later said the Prime Minister had told Mr Stoltenberg that the UK would \"not flinch\".\n\n\"Every spare cargo will be bid for,\" one Perth-based energy executive told the paper.\n\nAnjali Verma is a student in Kharkiv. Back in Jaipur, Anjali's father Rajesh Verma has been following the news. He said he had spoken to her three times. \"I told her, forget the fees,\" he said.",
			[]string{"British official", "Boris Johnson", "Boris Johnson", "Perth-based energy executive", "Rajesh Verma"}},
		{"the one asked replies; an office before 'told X' is not X's; a participle apposition's roles are another's",
			"U.S. Deputy Secretary of State Wendy Sherman met Russian Deputy Foreign Minister Sergei Ryabkov in Geneva.\n\nAt a press conference afterward, a reporter asked Ryabkov whether Russia would pull back. \"Why should we? These are our troops,\" he replied.\n\nA senior government official told DER SPIEGEL that Berlin would not say more. \"Strategic ambiguity is not weakness,\" the official said.",
			[]string{"Sergei Ryabkov", "senior government official"}},
		{"a body's sentence is the body's, as a person's is theirs; a bill, a place and two bodies joined are no speaker",
			"The Liberal Democrats have unveiled plans to build 100,000 new \"affordable\" homes. The Prevention of Terrorism Bill would bring in \"control orders\". Labour and the Conservatives have both relied on \"cold calls\".",
			[]string{"Liberal Democrats", "", ""}},
		{"two presidents of republics joined by 'and'; a country's leader; a statement 'it' issued; 'the remark came from'; a passive in a reported clause",
			"Zelenskyy met President of the Republic of Lithuania Gitanas Nausėda and President of the Republic of Poland Andrzej Duda. \"We stand together,\" Nausėda said. \"We express solidarity,\" the Polish leader said.\n\n" +
				"The Russian Embassy in Dublin rejected the criticism. In a statement posted on its website, it described the drills as routine. \"We see no reason for concern,\" the statement said.\n\n" +
				"Moscow was quick to respond. \"The West pumps Ukraine full of weapons.\" The remark came from the Kremlin spokesman, Dmitry Peskov.\n\n" +
				"Officials told Dawn that the visit had been discussed with Washington through \"normal channels\".",
			[]string{"Gitanas Nausėda", "Andrzej Duda", "Russian Embassy in Dublin", "Dmitry Peskov", "Officials"}},
		{"an honorific before a first name (Thai usage); a role or an apposition that says the sex; a group at the head of a clause",
			"Foreign ministry spokesman Tanee Sangrat said the embassy was ready. \"We are watching,\" Mr Tanee said. Kannika Srisuk, 38, a masseuse from Udon Thani, said life appeared calm. \"The shops are open,\" she told the Bangkok Post.\n\n" +
				"Lawyers for news organisations said it was \"really vital\" to publish. Critics of the plan say it is \"a disaster\". Diplomatic sources described the talks as \"useful\".",
			[]string{"Tanee Sangrat", "Kannika Srisuk", "lawyers for news organisations", "critics of the plan", "Diplomatic sources"}},
		{"a dateline is no subject",
			"ISLAMABAD: The Foreign Office on Thursday confirmed the visit, saying Pakistan would not allow \"tensions elsewhere\" to dictate its ties.\n\n" +
				"KYIV, Feb 3 (UNIAN) - The Foreign Ministry said on Thursday that it expected \"concrete steps\".",
			[]string{"Foreign Office", "Foreign Ministry"}},
		{"a he is the one who speaks in the sentence before, not the possessor that opens it; an aside does not hide the subject who speaks",
			"Manchester City boss Kevin Keegan has signed a new contract. Keegan's future had been in doubt, but club chairman John Wardle said he was delighted. \"Kevin has done a fine job,\" he told the club's website.\n\n" +
				"President Maia Sandu wrote on Twitter that the proposals were \"a return to spheres of influence,\" which, she said, \"belongs to another century.\"",
			[]string{"John Wardle", "Maia Sandu", "Maia Sandu"}},
		{"an apposition that runs into its verb without a comma",
			"Alun Ffred Jones, Plaid Cymru culture spokesman said: \"It is too little.\"\n\n\"We want a public square online,\" Sarah Ellis, senior fellow at the Demos think-tank told the BBC.",
			[]string{"Alun Ffred Jones", "Sarah Ellis"}},
		{"a middle initial; PM before a surname; a heading paragraph is no part of a name",
			"Senator Robert P. Casey called the buildup \"a grave threat\".\n\nPrime Minister Kaja Kallas said Estonia was ready. \"We will not be surprised,\" PM Kallas said.\n\n" +
				"FAMILIES WAIT\n\nMarju Tamm, a teacher in Narva, said her son was in Kyiv. \"He calls every night,\" she said.",
			[]string{"Robert P. Casey", "Kaja Kallas", "Marju Tamm"}},
		{"a family name written first; the minister the sentence before is about",
			"Foreign ministry spokesperson Hua Chunying said the question rested on a false premise. \"The concerns of all parties should be taken seriously,\" Hua told a briefing. Vice Premier Hua Jian was in Moscow.\n\n" +
				"Defence Minister Oleksii Reznikov said troops remained. \"We see no pullback,\" Reznikov said.\n\nForeign Minister of Ukraine Dmytro Kuleba, speaking after talks in Paris, said deterrence worked.\n\n\"Deterrence is cheaper than war,\" the minister said.",
			[]string{"Hua Chunying", "Oleksii Reznikov", "Dmytro Kuleba"}},
		{"an unnamed speaker described before: a partial after a verb of speech, the woman she is; a place after in is no one",
			"A Western diplomat who was briefed on the meeting described the talks as \"frank but stuck\".\n\nIn Singapore, home to a few hundred Ukrainians, the crisis is followed closely. A Ukrainian engineer who has lived in the city for six years told CNA that her parents would stay. \"They will not leave their home,\" said the woman, who asked not to be named.",
			[]string{"Western diplomat", "Ukrainian engineer"}},
		{"initials that open a name; an agreement is no one",
			"Foreign Minister AK Abdul Momen told reporters there was \"no cause for panic\".\n\nPresident Gitanas Nausėda met reporters. The President noted that the Agreement on Political Cooperation was working. \"We strive to do more,\" said the President.",
			[]string{"AK Abdul Momen", "Gitanas Nausėda"}},
		{"two epithets of one person; a surname that is a title after Ms; the MP for a seat is not another MP",
			"Hollywood star Emma Reid has backed the appeal.\n\nThe Edinburgh-born actress said the hall was \"falling apart\". Mr Boyd said funds were short.\n\n" +
				"The Bafta-winning actress said: \"It gave me my start.\"\n\nLabour MP Jane Prince opposed the plan. Mr Lloyd said he would stand against her. " +
				"The Manchester Gorton MP said it was \"a fight for fairness\". Ms Prince said: \"He will lose.\"",
			[]string{"Emma Reid", "Emma Reid", "Lloyd", "Jane Prince"}},
		{"a short name in brackets; coordinated partials; a name cut short; the minister named by one word before",
			"The athletes were cleared by the Hellenic Rowing Federation (Hero) last month. Hero said the appeal was \"expected\" and \"fair.\" \"We will wait,\" said its chairman Nikos Pappas.\n\n" +
				"Energy Minister Budi Karya Sumadi spoke first. \"Prices will rise,\" Budi Karya said.\n\nForeign Minister Anna Berg and Defence Minister Karl Lind met on Monday. Berg insisted the talks could work. \"We will try,\" the minister said.",
			[]string{"Hellenic Rowing Federation", "Hellenic Rowing Federation", "Nikos Pappas", "Budi Karya Sumadi", "Anna Berg"}},
		{"what a body called a thing is its word; a warning that a person gave is theirs",
			"The First Minister, Nicola Sturgeon, said the move, on what Moscow called a \"peacekeeping\" mission, marked \"a dangerous moment\".\n\n" +
				"Press secretary Jen Psaki repeated President Joe Biden's warning that an incursion would meet a \"swift, severe\" response.",
			[]string{"Moscow", "Nicola Sturgeon", "Joe Biden"}},
		{"two subjects joined by and do not go on speaking; felt is a stance; a body's report through data that suggested; an office by its initials",
			"Critic Dan Jolin said the film had \"a good chance\". Rivals Million Dollar Baby and Sideways did not figure in the nominations.\n\n\"This film is ours.\"\n\n" +
				"The Guardian's film critic Peter Bradshaw felt that there \"might well be\" a sweep.\n\nThe law should change, the TUC has said. It said data from tribunals suggested 1,500 \"safety whistleblowers\" had lost their jobs.\n\n" +
				"Foreign Affairs Cabinet Secretary Raychelle Omamo said the students were safe. \"No Kenyan will be left behind,\" the CS said.",
			[]string{"Dan Jolin", "Dan Jolin", "Peter Bradshaw", "TUC", "Raychelle Omamo"}},
		{"a description keeps the place or body that says who someone is, and a shorter mention of them finds it",
			"An official at the embassy, speaking by phone on condition of anonymity, said many were \"reluctant to leave.\" A strategist at Northgate Research said it was \"bad\". " +
				"Traders in Mumbai's commodity markets said buyers had moved into a \"wait-and-watch\" mode. A medical student in Vinnytsia called it \"calm\". A Western diplomat in Kyiv called it \"a bluff\".\n\n" +
				"A senior official in the Department of Food and Public Distribution said prices were watched. \"There is no shortage,\" the official said. " +
				"A diplomat at the embassy, who spoke to Ahram Online by telephone, said ports were open. \"Not a single contract has been cancelled,\" the diplomat said.",
			[]string{"official at the embassy", "strategist at Northgate Research", "traders in Mumbai's commodity markets", "medical student in Vinnytsia", "Western diplomat",
				"senior official in the Department of Food and Public Distribution", "diplomat at the embassy"}},
		{"a body's full name: after a possessive, with its seat, spelt out in brackets, with \"of the\" inside",
			"In a statement, the cabinet's media centre denied what it described as \"baseless rumours\".\n\n" +
				"Meanwhile, the Embassy of India in Kyiv issued an advisory asking nationals, \"especially students\", to leave.\n\n" +
				"The Solvent Extractors' Association of India (SEA) has asked for help. The SEA urged the Centre to \"explore all options\".\n\n" +
				"President Sauli Niinistö spoke to Vladimir Putin on Friday, the Office of the President of the Republic said.\n\nAccording to the office, the talk was \"frank\".",
			[]string{"cabinet's media centre", "Embassy of India in Kyiv", "Solvent Extractors' Association of India", "Office of the President of the Republic"}},
		{"her spokesperson is hers; a double surname; he who ends a sentence of his own speech is not a person it names; at home is no one",
			"President Zuzana Čaputová is expected to sign. Her spokesperson said the deal was \"a standard agreement\".\n\n" +
				"Foreign Minister Kamina Johnson Smith said 41 Jamaicans were there. \"Leave now,\" Johnson Smith told The Gleaner.\n\n" +
				"Commons leader Peter Hain has warned of complacency. If Labour voters stayed at home they could see Tory leader Michael Howard \"coming in the back door\", he added.\n\n" +
				"Charles Kennedy spoke next. At home he said people were turning to his party.\n\nThe Conservative party \"fades away\" as a national force, he said.",
			[]string{"Zuzana Čaputová's spokesperson", "Kamina Johnson Smith", "Peter Hain", "Charles Kennedy"}},
		{"a thing's name after the is no one a he can be; a place's apposition is no one; a woman and what she does is the she after her",
			"Sale Sharks director of rugby Philippe Saint-Andre has re-opened the debate.\n\nSale host Bath in the Powergen Cup on Friday, but the Frenchman said it had been a \"difficult week\".\n\n" +
				"In Sliač, home to one of the two airports, opinions were divided. \"We do not mind,\" said Ján, a 67-year-old pensioner.\n\n" +
				"A woman selling vegetables at the town's market disagreed. \"Nobody asked us,\" she told The Slovak Spectator.",
			[]string{"Philippe Saint-Andre", "Ján", "woman selling vegetables at the town's market"}},
		{"quoted by an agency as saying is the one quoted; a person a readout reports is the speaker, unless what they will do is not speech",
			"Ukrainian Foreign Minister Dmytro Kuleba said Kyiv would wait. \"When we see a withdrawal, we will believe it,\" Kuleba was quoted by Reuters as saying.\n\n" +
				"According to a readout published by the Kremlin, Putin drew attention to \"the destructive line of the Kyiv authorities\".\n\n" +
				"State Department spokesman Ned Price spoke on Monday. According to Price, Blinken will also meet Lavrov to \"test whether Russia is serious\".",
			[]string{"Dmytro Kuleba", "Vladimir Putin", "Ned Price"}},
		{"a dateline with a double hyphen is no subject",
			"TOKYO -- The Japanese government on Wednesday announced sanctions. \"We will act with our partners,\" it said.",
			[]string{"Japanese government"}},
		{"a generational suffix is part of the name and the surname before it finds it; a Malaysian title of honour is neither name nor office",
			"Foreign Affairs Secretary Teodoro Locsin Jr. wrote that Manila would \"not leave a single Filipino behind\".\n\nLabor Secretary Silvestre Bello 3rd said contracts were suspended. \"It is a temporary measure,\" Bello said.\n\nForeign Minister Datuk Seri Saifuddin Abdullah said plans were ready. \"We have identified routes,\" he told reporters.",
			[]string{"Teodoro Locsin Jr.", "Silvestre Bello 3rd", "Saifuddin Abdullah"}},
		{"a group with no article is as definite as with one, and a group of a group keeps where it is",
			"Church ministers are trying to prevent rapper Nelly performing in Arkansas, saying they do not want his \"vile and filthy lyrics\" in their town.\n\nParents of Namibian students in Ukraine have called for an evacuation plan, saying they are \"sleepless\" with worry.",
			[]string{"Church ministers", "parents of Namibian students in Ukraine"}},
		{"a person noun no list holds before a relative clause; where a person is from, set off by commas, says who they are",
			"One parent said the plan was late. Another parent, who asked not to be named, said the family had paid for a ticket.\n\n\"We cannot wait for government,\" the parent said.\n\nAnother student, from Sylhet, said on condition of anonymity: \"Nobody here thinks the war will come to Kharkiv.\"",
			[]string{"parent", "student from Sylhet"}},
		{"an embassy in lower case keeps its seat, also for the next verb it is the subject of",
			"In a statement, the Russian embassy in Wellington said the decision was aimed at \"protecting the residents of Donbas\" and accused Western countries of ignoring \"eight years of shelling\".",
			[]string{"Russian embassy in Wellington", "Russian embassy in Wellington"}},
		{"a name before of keeps the role before it; an and inside a body's name joins no one to the person",
			"President Vladimir Putin said he was ready. \"We are ready,\" he said.\n\n\"Higher oil prices are a windfall,\" said economist Dr Tan Wei Ming of Universiti Malaya's Faculty of Business and Economics.\n\n\"The bigger risk is a disrupted supply chain,\" he added.",
			[]string{"Vladimir Putin", "Tan Wei Ming", "Tan Wei Ming"}},
		{"a name in apposition to a description, before of, is a person a she can be",
			"Finance Minister Bolanle Adesina said she was watching prices. \"We are ready,\" she said.\n\nAn energy analyst, Ifeoma Chukwu of Crestview Advisory in Lagos, said higher prices could bring more revenue. \"When oil goes up, Nigeria does not really win,\" she said.",
			[]string{"Bolanle Adesina", "Ifeoma Chukwu"}},
		{"a firm of partners goes by its first name, and the company after it is the firm",
			"An executive at US insurance firm Marsh & McLennan has pleaded guilty.\n\n\"We are saddened by the development,\" Marsh said in a statement. The company added it would co-operate, adding it was \"committed to resolving the company's legal issues\".",
			[]string{"Marsh & McLennan", "Marsh & McLennan"}},
		{"a surname misspelt by one letter, or by two letters swapped, is the person named in full",
			"Brian Hassell says no approach has been received. Hassel says Juninho would \"desperately like to stay at Celtic\".\n\n\"I know there is interest,\" said Hassel.\n\nCabinet secretary Jose Barrionuevo spoke on Monday. \"It is a permanent measure,\" Mr Barrioneuvo said.",
			[]string{"Brian Hassell", "Brian Hassell", "Jose Barrionuevo"}},
		{"the MP for a seat is the MP the sentence before names, not another MP named after",
			"Former welfare minister Frank Field MP criticised the rivalry.\n\n\"What sort of model does it give to the nation?\" the Labour MP for Birkenhead asked. Conservative policy co-ordinator David Cameron, MP for Witney, added: \"If it wasn't so serious it would be funny.\"",
			[]string{"Frank Field", "David Cameron"}},
		{"an agency that carries a subject's words: the subject's, by a verb of stance too; a noun after the object's article is no verb",
			"Kremlin spokesman Dmitry Peskov on Monday dismissed the warnings as \"hysteria,\" according to the Russian news agency TASS.\n\nBernama reported that the Russian Embassy in Kuala Lumpur had dismissed Western warnings as \"propaganda\".\n\nForeign Ministry spokeswoman Maria Zakharova called the US claims of an imminent invasion \"propaganda\".",
			[]string{"Dmitry Peskov", "Russian Embassy in Kuala Lumpur", "Maria Zakharova"}},
		{"a he after a phrase that opens the sentence is none of the phrase's persons",
			"Vladimir Putin insists Russia has no plans to attack. In a video call with President Joe Biden on Tuesday, he demanded \"reliable, legally binding guarantees\", according to a Kremlin readout.",
			[]string{"Vladimir Putin"}},
	}
	runSpeakerCases(t, tests, dossier.Date{})
}

// TestWhosWho checks the offices of whosWho: they resolve a description in
// an article of their day to the holder the article names, never in an
// undated one, and never to an office of another institution or country.
func TestWhosWho(t *testing.T) {
	body := "Dmitry Peskov spoke in Moscow on Monday. John Kirby spoke at the Pentagon. \"Russia is not threatening anybody,\" the Kremlin spokesman told journalists.\n\n" +
		"Volodymyr Zelenskyy met Emmanuel Macron in Kyiv. \"We need concrete steps,\" the Ukrainian president said."
	dated := []speakerCase{{"dated 2022-02-09", body, []string{"Dmitry Peskov", "Volodymyr Zelenskyy"}},
		// the country of a possessive: Russia's foreign minister is not the British foreign secretary
		{"a possessive country", "Foreign Secretary Liz Truss met Sergei Lavrov in Moscow.\n\nRussia's foreign minister said he was “disappointed” by the meeting.",
			[]string{"Sergei Lavrov"}},
		{"an office named before its holder", "The Taoiseach also addressed the issue, saying the Government had conveyed its concerns “very clearly”. Micheál Martin said Ireland was not neutral.",
			[]string{"Micheál Martin"}}}
	runSpeakerCases(t, dated, dossier.DayDate(2022, 2, 9, dossier.OriginHeader))
	undated := []speakerCase{{"undated", body[:strings.Index(body, "\n")], []string{"Kremlin spokesman"}}}
	runSpeakerCases(t, undated, dossier.Date{})
	// a name with or without its diacritics
	for _, name := range []string{"Viktor Orban", "Viktor Orbán", "Mevlüt Çavuşoğlu", "Micheal Martin"} {
		if role, _ := officeOn(name, time.Date(2022, 1, 10, 0, 0, 0, 0, time.UTC)); role == "" {
			t.Errorf("%s in 2022: no office", name)
		}
	}
	if role, g := officeOn("Boris Johnson", time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)); role != "" || g != 'm' {
		t.Errorf("Boris Johnson in 2005: office %q gender %c, want none and m", role, g)
	}
	if role, _ := officeOn("Boris Johnson", time.Date(2022, 1, 10, 0, 0, 0, 0, time.UTC)); !strings.Contains(role, "prime minister") {
		t.Errorf("Boris Johnson in 2022: office %q, want prime minister", role)
	}
}

type speakerCase struct {
	name string
	body string
	want []string // the speaker of each quote; "" when no one is named
}

func runSpeakerCases[T ~struct {
	name string
	body string
	want []string
}](t *testing.T, tests []T, day dossier.Date) {
	t.Helper()
	for _, tc := range tests {
		tt := speakerCase(tc)
		t.Run(tt.name, func(t *testing.T) {
			ex := Article(&dossier.Article{ID: 1, Body: tt.body, Published: day}, nil)
			if len(ex.Quotes) != len(tt.want) {
				for _, q := range ex.Quotes {
					t.Logf("got %q (%s)", q.Text, q.Speaker)
				}
				t.Fatalf("got %d quotes, want %d", len(ex.Quotes), len(tt.want))
			}
			for i, w := range tt.want {
				if q := ex.Quotes[i]; q.Speaker != w {
					t.Errorf("quote %d %q: speaker %q (mention %q), want %q", i, q.Text, q.Speaker, q.Mention, w)
				}
			}
		})
	}
}
