package extract

// Common first names across the languages of the news (English, German,
// French, Spanish, Italian, Dutch, Nordic, Polish, Ukrainian and Russian
// transliterations, Arabic, Turkish, Armenian, Georgian): a capitalised
// word from these lists that opens a name makes it a person's, and gives its
// gender. words.go adds them to maleNames and femaleNames.
const moreMale = `aaron abraham adrian aidan alain alberto albert alberto aldo alec alejandro aleksandr aleksander aleksandar
aleksey alexey alessandro alfred alfredo alistair allan allen alvaro amir anatolii anatoliy andre andré andrei
andrey andriy andrés andy angus anton antoine anders arkady arkadiy armen arman arnold arsen arseny arthur
arturo artem artyom ashot austin axel barry bart bastian ben benedict benoit benoît bernard bernd bert
bertrand billy björn bjorn blake bobby bogdan bohdan borys bradley brendan brett brian bruce bruno bryan burak dwayne lance
byron calvin cameron carlo carlos carsten cedric cédric cesar césar charlie christian christoph christophe
claude claudio clement clément cliff clint conor connor craig cristiano cristian dale damian damien dan danny
dario darren davide declan dennis didier diego dieter dimitri dimitrios dimitris dirk dmitriy dominic dominik
don donal douglas duncan dustin dwight dylan eamonn eddie edgar eduard eduardo edwin egor eli elias elliot
emil emilio emre enrico enrique eric erik ernest ernesto ernst esteban ethan eugene evan evgenii evgeniy
fabian fabio fedor felipe felix fergus fernando filip florian fran franco frank frankie franz fred freddie
frederick fredrik friedrich fyodor gabriel gareth garry gavin gennady gennadiy georg georgy georgii georgiy
gerald gerard gerhard gerry giacomo gianluca gilbert gilles giorgi giorgos giovanni giuseppe glen glenn
gonzalo gottfried grant gregor gregory grigory guido guillaume gunnar günter gunter gustavo guy hakan hamid hans
harald harold harvey hasan hector hektor heinz helmut herbert herman hermann horst howard hugo hussein ibrahim
ignacio ihor ilya ilia ioannis iosif isaac ismail ivo jacob jaime jake jakob jamal janusz dean jared jason
javier jay jeff jeffrey jens jerome jérôme jerry jesse jesús jesus joachim joao joão joel johan johann
johannes johnny jonas jonny jorge jose josé josef josh joshua juan juergen jürgen julian julien julio jurgen
justin kai kamil karel karl karim kasper keith kemal ken kenny kieran kirill klaus konstantin konstantinos
kostiantyn kostyantyn kristian kurt kyle lars laszlo lászló laurent lawrence leo leon leonardo leonid leroy
lev lewis lionel lorenzo louis luc luca lucas luigi luis luís lukas lukasz łukasz lyndon magnus mahmoud malik
manfred manuel marc marcel marcello marcin marco marcus marek mario marius markus marten martin martyn marvin
massimo mathieu matt matthias matthieu maurice mauricio mauro max maxime maximilian maksym maksim mehmet
mervyn michal michał michel mick miguel mikael mikhail mikko milan miles milos miloš mircea mitchell mohamed
mohammad moritz morten murat mustafa mykola myroslav nathan nathaniel neville niall nicolas niklas nikita
nikola nikolay nikolaos nils noah noe noé norbert olaf ole oleksandr oleksandr oleksiy oliver olivier omar
oscar oskar otto owen pablo paolo pascal patrice patrik pavel pawel paweł pedro petr petro phil philipp
philippe pierre piers piotr pyotr rafael rafal rafał ralf ralph ramon ramón ramzan randy raphael raul raúl
reinhard rené rene ricardo riccardo richie rick ricky rob robbie rodrigo roland rolf roman romano ronan
ronnie rory ross rudolf rudy rupert russell ryan salvatore samuel sandro sascha sebastian sebastien sébastien
serge sergio sergiy serhiy serhii seth shane shaun shawn sigmar silvio slava stanislav stanislaw stanisław
stefan stefano stephane stéphane stuart sven sviatoslav svyatoslav taras ted terence theo theodore thierry
thor timothy tobias todd tomas tomasz tomás toni tony torsten travis tristan troy tyler ulrich uwe vadim
vahram valentin valentyn valerii valery vasily vasyl vaclav václav viacheslav vyacheslav vince vincenzo
vitalii vladislav vladyslav volker volodymyr vsevolod walter warren wayne werner wesley wilfried willem willie
wolfgang xavier yaroslav yevhen yevgeniy yuriy yurii yusuf zach zachary zbigniew zoltan zoltán zurab ahmad
ahmet khalid omar tariq yasser abdullah anwar bashar hafez hamza jamal kareem mahmud nabil rashid saeed salman
samir tarek walid youssef yousef vardan hovhannes levan mikheil irakli davit zviadi nikoloz shalva erdogan
recep binali kemal mevlut abdel ilham nursultan kassym-jomart emomali shavkat sadyr gurbanguly serdar nikol
robert rustam sergei doug alasdair seamus padraig cathal ciaran oisin fintan colm tadhg eoin lachlan hamish callum jed jock`

const moreFemale = `lindsay sue steph kath deb morag moira isla eilidh ailsa catriona mhairi shona pam bev lyn gill maureen marjorie kirsty ciara bronwyn deirdre bernadette philomena jackie imelda tetiana tetyana mariia viktoriia ludmila oleksandra larysa valentyna sofiia yevhenia lesia zoya ulyana uliana oksana
abigail ada adele adriana agata agnes agnieszka aileen aimee alexandra alexis alina alison alla allison alyona
amelie amélie amy ana anastasia angelika angelina anita anja anke annabel annalena anne-marie annette annika
antje arianna astrid audrey barbara beata beatrice beatriz becky bella beth bethany bianca birgit brenda
bridget brigitte britney brooke camilla carla carmen carol carole caroline cassandra catalina cecilia celine
céline charlotte chloe chloé christina cindy claudia colleen connie corinne cristina dagmar daniela daria
darya dasha dawn denise diana dina dolores dominika donna dora doris dorothy edith elena eleanor elisa
elisabeth elise ella ellen eloise elsa elvira emilia emily erika esther eva evelyn evgenia ewa fatima
francesca françoise frances frederica gabriela gabriele gabrielle galina gemma geraldine gina giulia gloria
greta gwen gwyneth halyna hanna hannelore harriet heidi helena helga hillary holly ida ilona ines inés
inga ingrid irene iris isabel isabella isabelle iva ivanka jacqueline jade jana janice janine jasmine jeanne
jelena jenny jess jessica jo joanne jocelyn johanna josephine joyce judy julia juliana julie juliet justine
karin karina katarina katarzyna katharina kathryn katie katja katrin katya kay kelly kerry khrystyna kirsten
kristina kseniya ksenia kylie larisa larissa lauren laurence leah leila lena leonie lesley lilia liliya
lily lina lise liudmyla luba lucia lucie luisa lyudmila lyudmyla madeleine magdalena malgorzata małgorzata
mandy manon manuela marcela margarita margot margret mariana marianne marie-claire marine marion marisa
marissa marta martha martina mary maryna maya megan melissa mia michaela mila milena miranda miriam molly
monica monika nadezhda nadiya nadia nadine nancy naomi natalia nataliya natalya natasha nathalie nicole nina nora oksana
olena olha olivia paige pamela paola patricia paula pauline penelope penny petra philippa pia polly rachel
raisa regina renata renate rita roberta romy rosa rosalind rosie ruslana sabina sabine sabrina sally sandra
sara sarah sasha serena sharon sheila shelley sigrid silvia simona simone sofiya solange sonia sonja sophia
sophie stacey stefanie stephanie susanne suzanne sylvia tamara tanya tatiana tatyana teresa tereza tina tracey
tracy ulrike ursula valentina valeria vanessa vera veronica veronika vicky viktoria viktoriya violet vivienne
wanda yana yelena yevheniya yolanda yulia yuliya zara zoe zoë zofia zuzana oprah madonna beyonce beyoncé kylie
shakira rihanna serena maria-elena ruth-ann anousheh nino salome tamar ekaterina yekaterina kateryna iryna
inna ivanna olesya svitlana veronika sinead siobhan aoife niamh mairead orla`
