using System.Text.RegularExpressions;

namespace Shop.Jobs.Checking;

// The phrases supplier pages use (domain-research.md section C), in English first and in the common German, French
// and Spanish wordings. All case-insensitive and culture-invariant.
internal static partial class Vocabulary
{
    private const RegexOptions O = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // A number, with decimal point or comma ("0.5", "0,25", ".25").
    private const string Num = @"(?:\d{1,4}(?:[.,]\d{1,3})?|[.,]\d{1,3})";
    private const string Unit = @"(?:mm|millimet(?:er|re)s?|milímetros?|millimètres?|millimeter|um|µm|μm|microns?|micrometers?|micrometres?|mic)";
    private const string Sep = @"(?:\s*(?:/|,|;|&|\+|\||\bor\b|\band\b|\boder\b|\bund\b|\bou\b|\bet\b|\by\b|\bo\b)\s*)";
    private const string RangeSep = @"(?:\s*(?:-|–|—|~|\bto\b|\bbis\b|\bà\b|\ba\b|\bhasta\b)\s*)";

    /// <summary>A length, a list ("0.5/1.0/1.5 mm", "0.5mm, 1.0mm") or a range ("0.25-2.5 mm", "0 - 2.5mm").</summary>
    [GeneratedRegex(@"(?<![\w.,])(?<all>(?:" + Num + @"\s*" + Unit + @"?(?:" + Sep + "|" + RangeSep + @"))*" + Num + @")\s*(?<unit>" + Unit + @")(?![\w²³])", O)]
    public static partial Regex Length();

    [GeneratedRegex(Num, O)]
    public static partial Regex Number();

    [GeneratedRegex(RangeSep + @"(?=\s*" + Num + ")", O)]
    public static partial Regex RangeSeparator();

    /// <summary>Words right before a number that say it is not a needle length.</summary>
    [GeneratedRegex(@"(?:diam(?:eter|\.)?|dia\.?|Ø|⌀|thick(?:ness)?|gauge|width|wide|breadth|handle|grip|head\s*(?:size|width)|roller\s*(?:head|size|width|diameter)|size\s*of\s*(?:the\s*)?(?:roller|head|handle)|total\s*length|overall|dimension|package|weight|Durchmesser|Stärke|Breite|Griff|diamètre|largeur|épaisseur|manche|diámetro|ancho|grosor|mango|spessore|larghezza|cable|cord|battery|screen|tube|bottle|cap|move|shift|apart|spacing|overlap|bewegen|versetzen|déplacer|décaler|mover|desplazar)\W*(?:\w+\W+){0,3}$", O)]
    public static partial Regex NotLengthBefore();

    [GeneratedRegex(@"^\s*(?:in\s*)?(?:diam(?:eter)?|dia\b|thick|wide|width|gauge|long\s*handle|handle|x\s*\d|×|\*\s*\d|Ø|Durchmesser|de\s*diamètre|de\s*diámetro|(?:measur\w*\s*)?(?:deviation|tolerance|error|difference)|Abweichung|Messabweichung|d'écart|de\s*desviación)", O)]
    public static partial Regex NotLengthAfter();

    /// <summary>Words that name the needles themselves (not "length" alone: a pen or a handle has a length too).</summary>
    [GeneratedRegex(@"needle|pin\b|nadel|aiguille|aguja|micro[-\s]?needl|depth|tiefe|profondeur|profundidad", O)]
    public static partial Regex NeedleWord();

    /// <summary>Sentences about needle lengths in general, not this product's: guides, FAQs, clinic talk.</summary>
    [GeneratedRegex(@"\b(?:typically|usually|generally|in\s+general|as\s+a\s+rule|in\s+(?:the\s+|a\s+)?clinics?|(?:clinics?|salons?|professionals?|dermatologists?)\s+(?:may\s+|often\s+|usually\s+|typically\s+|will\s+|can\s+)?(?:use|go|work)|clinic(?:al)?\s+microneedling|dermatologists?\s+recommend|our\s+blog|reserved\s+for|en\s+général|généralement|en\s+règle\s+générale|en\s+cabinet|réservée?s?\s+aux|im\s+allgemeinen|in\s+der\s+regel|üblicherweise|normalerweise|empfehlen\s+(?:dermatologen|experten|ärzte)|spricht\s+man|vorbehalten|por\s+lo\s+general|generalmente|normalmente|en\s+clínicas?|reservad[oa]s?\s+a|anything\s+(?:above|over|beyond|below|under)|as\s+a\s+(?:general\s+|rough\s+)?guide|à\s+titre\s+indicatif|als\s+richtwert|como\s+referencia|a\s+modo\s+de\s+guía|(?<!\bour\s)(?<!\bthese\s)(?:derma[-\s]?)?(?:rollers|pens|stamps)\s+(?:use|have|go)\b|other\s+sizes|see\s+our\s+(?:store|shop)|longer\s+needles|not\s+(?:part\s+of|included\s+in)\s+this|längere\s+nadeln|gehören\s+in\s+die\s+hände|nicht\s+teil\s+dieses|aiguilles\s+plus\s+longues|agujas\s+más\s+largas)\b", O)]
    public static partial Regex GeneralTalk();

    [GeneratedRegex(@"adjust|einstellbar|réglable|ajustable|regulable|variable|range|depth", O)]
    public static partial Regex Adjustable();

    // Product kinds. The head of a product name decides (the words before "for"/"with").
    [GeneratedRegex(@"micro[-\s]?needl\w*\s*(?:\w+\s+){0,2}patch|needle\s*patch|micro[-\s]?dart|microneedle\s*(?:\w+\s+){0,2}patches|pimple\s*patch\w*\s*micro|\bpatch(?:es)?\b.*micro[-\s]?(?:needle|spicule|dart)|mikronadel\w*\s*pflaster|patch(?:s)?\s*(?:à|de)\s*micro[-\s]?aiguilles|patchs?\s*micro[-\s]?(?:aiguilles|pointes)|parches?\s*de\s*micro[-\s]?agujas", O)]
    public static partial Regex PatchKind();
    [GeneratedRegex(@"cartridges?|needle\s*(?:heads?|tips?|modules?)|replacement\s*(?:heads?|tips|needles)|\b\d{1,2}[-\s]?pins?\b(?!.*\bpen\b)|nano[-\s]?(?:tips?|cartridge)|kartusche\w*|nadelmodul\w*|cartouches?|cartuchos?|agujas\s*de\s*repuesto", O)]
    public static partial Regex CartridgeKind();
    [GeneratedRegex(@"derma[-\s]?pen|dermapen|micro[-\s]?needl\w*\s*(?:\w+\s+){0,2}pen\b|\bdr\.?\s*pen\b|\belectric\w*\s*(?:derma|micro|needl)|\bmy\s*[-]?m\b|\bpen\b.*\b(?:needl|derma|micro)|(?:needl|derma|micro)\w*.*\bpen\b|stylo\s*(?:de\s*)?micro|microneedling[-\s]?stift|dermastift|pluma\s*de\s*micro", O)]
    public static partial Regex PenKind();
    [GeneratedRegex(@"stamp|stempel|tampon|sello", O)]
    public static partial Regex StampKind();
    [GeneratedRegex(@"derma[-\s]?roll|dermaroll|micro[-\s]?needl\w*\s*(?:\w+\s+){0,3}roll|needle\s*roll|titanium\s*roll|beard\s*roll|hair\s*roll|skin\s*roll\w*\s*(?:with|\d)|roll\w*\s*(?:with\s*)?\d{2,4}\s*(?:micro[-\s]?)?(?:needles|pins)|mikronadel\w*|nadelroller|rouleau\s*(?:à\s*)?micro[-\s]?aiguilles|rodillo\s*(?:de\s*)?micro[-\s]?agujas|derma\s*rodillo|\bmts\b|\bdrs\b|\bzgts\b|(?:roller|rouleau|rodillo|rullo)\b.*\d[.,]?\d*\s*mm", O)]
    public static partial Regex RollerKind();
    [GeneratedRegex(@"\b(?:jade|quartz|rose\s*quartz|gua\s*sha|ice|face|facial|massage|cryo|amethyst|obsidian|stone)\b.*\broll|\broller\b", O)]
    public static partial Regex NeedlelessRoller();
    [GeneratedRegex(@"\bserums?\b|\bampoules?\b|\bessence\b|\bconcentrate\b|\bsérum\b|\bsuero\b|\bbooster\b|\bstem\s*cell\b|\bhyaluronic\s*acid\b(?!.*cream)|\bfacial\s*oil\b|\bface\s*oil\b", O)]
    public static partial Regex SerumKind();
    [GeneratedRegex(@"moisturi[sz]\w*|\bcream\b|\bcrème\b|\bcreme\b|\blotion\b|\bbalm\b|\bhydrating\s*gel\b|\bgel\s*cream\b|feuchtigkeit\w*|hidratante|\bemulsion\b", O)]
    public static partial Regex MoisturiserKind();
    [GeneratedRegex(@"\b(?:for|with|für|mit|pour|avec|para|con|compatible|incl\w*|includes?|plus)\b|\s[-–|+&]\s", O)]
    public static partial Regex NameHeadEnd();

    // Use.
    [GeneratedRegex(@"at[-\s]?home|from\s*(?:the\s*comfort\s*of\s*)?(?:your\s*)?home\b|home[-\s]?(?:use|care|kit|treatments?|microneedling|skin\s*care|skincare|routines?)|(?:for|ideal\s*for)\s*(?:personal|private|daily|everyday)\s*use|personal\s*use|self[-\s]?(?:use|care|treatment|application)|\bDIY\b|beginners?|comfort\s*of\s*your\s*(?:own\s*)?home|in\s*your\s*own\s*bathroom|zu\s*hause|für\s*den\s*heimgebrauch|heimanwendung|für\s*zuhause|à\s*domicile|à\s*la\s*maison|usage\s*personnel|en\s*casa|uso\s*(?:doméstico|en\s*casa|personal)|desde\s*casa", O)]
    public static partial Regex HomeUse();
    [GeneratedRegex(@"(?:for|intended\s*for)\s*(?:use\s*by\s*)?(?:licensed\s*|trained\s*|qualified\s*|skin\s*care\s*|skincare\s*)?(?:professionals?|practitioners?|estheticians?|aestheticians?|dermatologists?|clinicians?|physicians?)|professional\s*use|(?:salon|clinic(?:al)?|spa)\s*use|(?:professional\s*salons?|beauty\s*(?:centers?|centres?|salons?))(?!\s*(?:quality|grade|results?|finish|look))|(?:in|by|for)\s*(?:use\s*in\s*)?(?:a\s*)?(?:professional\s*)?(?:clinic|salon|spa)s?\b|professionals?\s*only|nur\s*für\s*(?:den\s*)?(?:professionellen|fachpersonal|profis)|professionelle\s*anwendung|nur\s*für\s*(?:den\s*)?fachhandel|nur\s*für\s*fachhändler|kosmetik(?:studios?|institute?n?)\b|abgabe\s*(?:nur|ausschließlich)\s*an|geschulte[sm]?\s*fachpersonal|usage\s*professionnel|réservé\s*aux\s*professionnels|uso\s*profesional|solo\s*para\s*profesionales", O)]
    public static partial Regex ProfessionalUse();
    [GeneratedRegex(@"professional|\bpro\s*(?:grade|quality)|medical[-\s]?grade|clinic(?:al)?[-\s]?grade|salon[-\s]?(?:quality|grade)|dermatologist[-\s]?grade|hospital[-\s]?grade|professionnel|profesional|professionell|\bprofi\b|profi-?qualität", O)]
    public static partial Regex ProfessionalMarketing();

    // Single use.
    [GeneratedRegex(@"(?<!not\s(?:a\s)?|non[-\s]?)single[-\s]?use|one[-\s]?time[-\s]?use|for\s*one\s*(?:single\s*)?use|use\s*only\s*once|(?<!non[-\s]?)disposable|do\s*not\s*re[-\s]?use|don't\s*re[-\s]?use|never\s*re[-\s]?use|discard\s*after\s*(?:each\s*|a\s*single\s*)?use|not\s*(?:to\s*be\s*)?re[-\s]?used|einweg\w*|einmal(?:gebrauch|ig)|nicht\s*wiederverwenden|usage\s*unique|à\s*usage\s*unique|jetable|ne\s*pas\s*réutiliser|un\s*solo\s*uso|desechable|de\s*un\s*solo\s*uso|no\s*reutilizar", O)]
    public static partial Regex SingleUse();
    [GeneratedRegex(@"(?<!not\s|non[-\s]?)re[-\s]?usable|washable|(?:multiple|several|many|repeated)\s*(?:uses|applications|treatments)|can\s*re[-\s]?use|can\s*be\s*(?:re[-\s]?used|used\s*(?:again|(?:up\s*to\s*)?\d+\s*times|many\s*times))|wiederverwendbar|waschbar|réutilisable|lavable|reutilizable|lavable", O)]
    public static partial Regex Reusable();
    [GeneratedRegex(@"(?:clean|disinfect|sanitiz|wash|rinse|wipe)\w*\s*(?:(?:it|the|your|with)\s+(?:[\w%-]+\s+){0,4})?(?:thoroughly\s*)?(?:after|before)\s*(?:each|every)\s*(?:use|treatment|session)|(?:soak|sterili[sz]e|disinfect|sanitiz|wash|rinse)\w*\b.{0,60}\bafter\s*(?:each|every)\s*(?:use|treatment|session)|(?:after|before)\s*(?:each|every)\s*(?:use|treatment|session),?\s*(?:clean|rinse|wash|soak|disinfect|sanitize)|rinse\s*(?:it\s*)?(?:under|with)\s*\w+\s*(?:water\s*)?after|store\s*(?:it\s*)?in\s*(?:the|its)\s*(?:\w+\s*)?(?:case|box|container)|replace\s*(?:the\s*)?(?:\w+\s*)?(?:every|after)\s*\d+|lasts?\s*(?:for\s*)?(?:up\s*to\s*)?\d+\s*(?:-\s*\d+\s*)?(?:months?|weeks?|uses|sessions|treatments)|(?:use|reuse|re-use)\s*(?:\w+\s+){0,2}(?:up\s*to\s*)?\d+\s*(?:-\s*\d+\s*)?times(?!\s*(?:a|per|each|every)\s*(?:day|week|month|night|fortnight))|\d+\s*(?:-\s*\d+\s*)?(?:uses|treatments|sessions)\s*(?:per|before)|until\s*the\s*needles\s*(?:become\s*)?dull|nach\s*jede[mr]\s*(?:gebrauch|anwendung)\s*(?:reinigen|desinfizieren)|reinigen\s*sie\s*\w*\s*nach\s*jede|nettoyer\s*après\s*chaque|après\s*chaque\s*utilisation,?\s*(?:nettoy|rinc|désinfect)|(?:nettoy|désinfect|rinc)\w*\s+(?:[\w'’-]+\s+){0,6}après\s*chaque\s*(?:utilisation|usage|séance|traitement|application)|(?:reinig|desinfizier|spül|wasch)\w*\s+(?:\w+\s+){0,6}nach\s*jede[mr]\s*(?:gebrauch|anwendung|behandlung|benutzung)|(?:limpi|desinfect|lav|enjuag)\w*\s+(?:\w+\s+){0,6}después\s*de\s*cada\s*(?:uso|sesión|tratamiento|aplicación)|limpi\w*\s*después\s*de\s*cada|después\s*de\s*cada\s*uso,?\s*(?:limpi|enjuag|desinfect|esteriliz|sumerg|lav)|nach\s*jede[mr]\s*(?:gebrauch|anwendung|behandlung|benutzung),?\s*(?:[\w%-]+\s+){0,5}(?:reinig|desinfizier|abspül|spül|wasch|abwasch)|nach\s*\d+\s*(?:[-–]\s*\d+\s*)?anwendungen\s*(?:\w+\s+){0,2}(?:ersetzen|austauschen|wechseln)|in\s*der\s*(?:\w+\s+)?(?:box|dose|etui|schachtel)\s*(?:aufbewahren|lagern)|im\s*(?:\w+\s+)?(?:etui|beutel|case|behälter)\s*(?:aufbewahren|lagern)|nach\s*der\s*anwendung\s*(?:[\w-]+\s+){0,5}(?:reinig|desinfizier|abspül|spül|wasch)|gu[aá]rd(?:alo|ala|e|ar)\s+(?:\w+\s+){0,2}en\s+(?:su|el|la)\s+(?:estuche|caja|funda)|range[rz]\s+(?:\w+\s+){0,3}dans\s+(?:son|sa|l')\s*(?:étui|boîte|boite)", O)]
    public static partial Regex ReuseInstructions();

    // Sterility.
    [GeneratedRegex(@"non[-\s]?sterile|not\s*(?:supplied\s*|delivered\s*|shipped\s*)?sterile|unsterile|nicht\s*steril|unsteril|non\s*stérile|no\s*estéril|not\s*sterilized", O)]
    public static partial Regex NonSterile();
    [GeneratedRegex(@"\bsterile\b|\bsterili[sz]ed\b|\bSTERILE\s*(?:EO|R)\b|\bsteril\b|sterilisiert|stérile|stérilisé|estéril|esterilizad[oa]|EO[-\s]?(?:gas\s*)?sterili[sz]|gamma[-\s]?(?:ray\s*)?sterili[sz]", O)]
    public static partial Regex Sterile();
    [GeneratedRegex(@"ethylene\s*oxide|\bE\.?O\.?\b(?:\s*gas)?\s*steril|STERILE\s*EO|steril\w*[\s(:,\-–]*(?:\w+[\s(:,\-–]*){0,3}\b(?:EO|ETO|EtO)\b|\bEtO\b|ethylenoxid|oxyde\s*d'éthylène|óxido\s*de\s*etileno", O)]
    public static partial Regex MethodEo();
    [GeneratedRegex(@"gamma|irradiat\w*|\bSTERILE\s+R\b|\bCo[-\s]?60\b|\d{2}\s*kGy|radiation\s*steril|strahlensterilis\w*|rayons?\s*gamma|rayos\s*gamma", O)]
    public static partial Regex MethodGamma();
    [GeneratedRegex(@"e[-\s]?beam|electron[-\s]?beam|elektronenstrahl|faisceau\s*d'électrons|haz\s*de\s*electrones", O)]
    public static partial Regex MethodEBeam();
    [GeneratedRegex(@"autoclav\w*|steam[-\s]?steril\w*|steril\w*\s*(?:\w+\s*){0,3}steam|moist\s*heat|dampfsterilis\w*|vapeur|vapor", O)]
    public static partial Regex MethodSteam();
    [GeneratedRegex(@"sealed\s*(?:sterile\s*)?(?:pouch|blister|pack(?:age|aging|et)?|bag|box)|esterilizad[oa]\s*y\s*sellad[oa]|(?:einzeln\s*)?(?:steril\s*)?versiegelt|stérile\s*et\s*scellée?|sous\s*blister\s*scellé|individually\s*(?:sealed|packed|packaged|wrapped)|blister\s*pack|sterile\s*(?:pack(?:age|aging)?|barrier|pouch)|do\s*not\s*use\s*if\s*(?:the\s*)?(?:package|packaging|pouch|seal)\s*is\s*(?:damaged|opened|broken)|do\s*not\s*re[-\s]?sterili[sz]e|\bLOT\b\s*(?:no\.?|number|#|:)|\bbatch\s*(?:no\.?|number)|exp(?:iry|iration)?\.?\s*date|use[-\s]by|shelf\s*life|haltbarkeit|verfallsdatum|date\s*de\s*péremption|fecha\s*de\s*caducidad", O)]
    public static partial Regex SterilePackaging();
    [GeneratedRegex(@"(?:sterili[sz]\w*|disinfect\w*|sanitiz\w*|desinfizier\w*|désinfect\w*|stérilis\w*|esterili[zc]\w*|desinfect\w*|soak\w*\s*(?:\w+\s*){0,4}(?:alcohol|isopropyl))\b.{0,60}\b(?:before|prior\s*to)\s*(?:the\s*)?(?:first|initial|each|every)?\s*(?:use|using|application|treatment)|(?:before|prior\s*to)\s*(?:the\s*)?(?:first|initial)\s*(?:use|application),?.{0,40}(?:sterili[sz]|disinfect|sanitiz|soak|alcohol)|vor\s*(?:dem\s*)?(?:ersten\s*)?(?:gebrauch|anwendung)\s*(?:\w+\s*){0,4}(?:desinfizier|sterilisier)|avant\s*(?:la\s*)?(?:première\s*)?utilisation,?\s*(?:\w+\s*){0,4}(?:désinfect|stérilis)|antes\s*del?\s*(?:primer\s*)?uso,?\s*(?:\w+\s*){0,4}(?:desinfect|esteriliz)", O)]
    public static partial Regex SterilizeBeforeUse();
    [GeneratedRegex(@"(?:sterili[sz](?:e|es|ed|ing|ation)|sterili[sz]er|stérilis\w*|sterilisier\w*|esterili[zc]\w*)\b.{0,80}\b(?:alcohol|isopropyl|ethanol|boil\w*|UV\b|hot\s*water|rubbing|alkohol|alcool|kochend\w*|bouill\w*|hirviendo)|\b(?:alcohol|isopropyl|ethanol|boil\w*|UV|hot\s*water|alkohol|alcool)\b.{0,60}(?:sterili[sz](?:e|es|ed|ing|ation)|sterili[sz]er|stérilis\w*|sterilisier\w*|esterili[zc]\w*)", O)]
    public static partial Regex AlcoholSterilization();

    [GeneratedRegex(@"(?<!\bnot\s(?:been\s)?|n't\s(?:been\s)?|\bno\s|\bnever\s)(?:FDA[-\s]*(?:approved|approval|registered|certified|listed)|approved\s*by\s*(?:the\s*)?FDA|FDA\s*&\s*CE\s*approved|aprobad[oa]\s*por\s*(?:la\s*)?FDA|approuvée?\s*par\s*(?:la\s*)?FDA|von\s*der\s*FDA\s*zugelassen|FDA[-\s]zugelassen|CE\s*(?:&|and|/)\s*FDA\s*(?:approved|certified|registered))(?![^.;]{0,50}\b(?:facility|facilities|factory|plant|manufactur\w*|establishment|laborator\w*|site)\b)", O)]
    public static partial Regex FdaApproved();

    // Post-care "after microneedling" is the shop's own guidance (a moisturiser and sunscreen afterwards), so "after"
    // is not "for use with": only a topical sold for use with the device, during or before needling, or into the
    // dermis is (rules.md's topical-for-needling).
    [GeneratedRegex(@"(?:for|with|during|before|in|avec|pendant|mit|während|con|durante)\s*(?:use\s*with\s*)?(?:a\s*|your\s*|the\s*|une?\s*|la\s*|le\s*|votre\s*|la\s*séance\s*de\s*|einem\s*|dem\s*|der\s*|el\s*|la\s*sesión\s*de\s*)?(?:[\d.,]+\s*mm\s*)?(?:derma[-\s]?roll\w*|dermaroll\w*|micro[-\s]?needl\w*|needling|derma[-\s]?pen|dermapen|derma[-\s]?stamp|skin\s*needling|mts|collagen\s*induction)|into\s*the\s*dermis|jusque\s*dans\s*le\s*derme|jusqu['’](?:au|dans\s*le)\s*derme|pendant\s*(?:et\s*après\s*)?(?:le\s*|la\s*séance\s*de\s*)?micro[-\s]?needling|bis\s*in\s*die\s*dermis|hasta\s*la\s*dermis|(?:deliver\w*|penetrat\w*|reach\w*)\s*(?:deep\s*)?(?:into|to)?\s*(?:the\s*)?(?:dermis|deeper\s*(?:skin\s*)?layers)|while\s*the\s*(?:micro[-\s]?)?channels\s*are\s*(?:still\s*)?open|beim\s*(?:dem\s*)?microneedling|pendant\s*(?:le\s*)?micro[-\s]?needling|durante\s*el\s*micro[-\s]?needling", O)]
    public static partial Regex TopicalForNeedling();

    // Materials.
    [GeneratedRegex(@"titan(?:ium|io|e)?\b(?:\s*alloy)?|titanlegierung", O)]
    public static partial Regex Titanium();
    [GeneratedRegex(@"stainless[-\s]*steel|surgical[-\s]*(?:grade\s*)?steel|medical[-\s]*(?:grade\s*)?steel|\b316\s*L\b|\bSUS\s*3\d\d|edelstahl|chirurgenstahl|acier\s*inoxydable|acero\s*inoxidable", O)]
    public static partial Regex Steel();
    [GeneratedRegex(@"\b(?:plastic|ABS|PP|polypropylene|PC|polycarbonate|resin|nylon)\s*(?:micro[-\s]?)?(?:needles?|pins?|spikes?|tips?)|(?:needles?|pins?|spikes?)\s*(?:are\s*|made\s*(?:of|from)\s*)?(?:\w+\s*){0,2}(?:plastic|ABS|polypropylene|polycarbonate|resin)|micro[-\s]?(?:aiguilles|pointes)\s*(?:en\s*)?plastique|(?:micro)?agujas\s*(?:de\s*)?plástico|kunststoff[-\s]?(?:mikro)?nadeln|(?:mikro)?nadeln\s*aus\s*kunststoff", O)]
    public static partial Regex Plastic();
    [GeneratedRegex(@"dissolv(?:ing|able|es)|self[-\s]?dissolv|soluble|hyaluron(?:ic|ate)\s*(?:acid\s*)?(?:micro[-\s]?)?(?:needles?|spicules?|darts?)|auflösend|soluble|dissolvant|disolv\w*|se\s+disuelven|(?:micro)?agujas\s+(?:de\s+)?ácido\s+hialurónico", O)]
    public static partial Regex Dissolving();

    [GeneratedRegex(@"(?<![\d.,])(?<n>[1-9],\d{3}|[1-9]\d{1,3})\s*(?:pcs?\s*|x\s*|pieces?\s*)?(?:(?!(?:uses?|times|days?|weeks?|months?|sessions?|treatments?|patch\w*|dots?|pairs?|pcs|pieces|gauge|the|of|per|for|and|with|in|on)\b)[a-zA-Zäöüéè-]{3,}\s+){0,3}?(?:micro[-\s]?)?(?:needles?|cones?|darts?|spikes?|pins?|(?:titan|edelstahl|mikro)?-?nadeln|aiguilles|agujas)\b|(?<![\w.])(?<n>\d{1,2})[-\s]?(?:pins?|needles?)\s*(?:nano\s*)?(?:cartridges?|heads?|tips?|kartusche\w*|cartouches?|cartuchos?|(?:nadel)?modul\w*)|(?:nadel)?modul\w*\s*\(?(?<n>\d{1,2})[-\s]?pin|\b(?:DRS|MT|ZGTS|MTS)[-\s]?(?<n>[1-9]\d{1,3})\b", O)]
    public static partial Regex NeedleCount();
    [GeneratedRegex(@"(?:number\s*of\s*)?(?:needles?|pins?)\s*(?:count|number|quantity|qty)?\s*[:=]?\s*(?<n>[1-9]\d{0,3})\b|(?:anzahl\s*(?:der\s*)?nadeln|nombre\s*d'aiguilles|número\s*de\s*agujas)\s*[:=]?\s*(?<n>\d{1,4})", O)]
    public static partial Regex NeedleCountLabelled();

    // Claims.
    [GeneratedRegex(@"collagen\s*(?:induction|production|synthesis|formation|boost\w*|stimulat\w*|renewal)|(?:stimulat\w*|boost\w*|induc\w*|promot\w*|increas\w*|trigger\w*)\s*(?:the\s*(?:skin's\s*)?|your\s*(?:skin's\s*)?|natural\s*)?(?:own\s*)?(?:natural\s*)?collagen|\bCIT\b|percutaneous\s*collagen|kollagen\w*|collagène|colágeno", O)]
    public static partial Regex ClaimCollagen();
    [GeneratedRegex(@"(?<!\w)(?:scars?|scarring|\w*narben|cicatrices?|cicatriz)(?!\w)", O)]
    public static partial Regex ClaimScar();
    [GeneratedRegex(@"(?:deep(?:er)?|old(?:er)?|pitted|ice[-\s]?pick|boxcar|rolling|atrophic|severe|tiefe|alte|profondes?|anciennes|profundas|antiguas)(?:\s*,?\s*(?:and\s*)?(?:deep(?:er)?|old(?:er)?|pitted))?\s*(?:acne\s*|-\s*)?(?:scars?|scarring|narben|cicatrices)|(?:scars?|narben|cicatrices)\s*(?:that\s*are\s*)?(?:years\s*old|profondes|profundas)", O)]
    public static partial Regex ClaimDeepScar();
    [GeneratedRegex(@"stretch[-\s]?marks?|striae|dehnungsstreifen|schwangerschaftsstreifen|vergetures|estrías", O)]
    public static partial Regex ClaimStretchMarks();
    [GeneratedRegex(@"wrinkles?|fine\s*lines|anti[-\s]?ag(?:e|ing)|falten|rides|arrugas", O)]
    public static partial Regex ClaimWrinkles();
    [GeneratedRegex(@"hair\s*(?:re-?)?growth|hair\s*loss|(?:re)?grow\s*(?:your\s*)?hair|beard\s*growth|alopecia|thinning\s*hair|haarwachstum|haarwuchs|haarausfall|repousse|chute\s*de\s*cheveux|crecimiento\s*(?:del?\s*)?(?:la\s*)?(?:barba|cabello|pelo)|bartwuchs|pousse\s*de\s*la\s*barbe|caída\s*del\s*cabello", O)]
    public static partial Regex ClaimHair();
    [GeneratedRegex(@"(?:cell|skin|cellular|tissue)\s*(?:regeneration|renewal|repair)|regenerat\w*|zellerneuerung|régénération|regeneración", O)]
    public static partial Regex ClaimRegeneration();
    [GeneratedRegex(@"absorption|absorb\w*|absorp\w*|penetration\s*of\s*(?:your\s*)?(?:serums?|products?|actives?)|aufnahme|besser\s*aufgenommen|bis\s*in\s*die\s*tieferen\s*hautschichten|(?:los\s*)?activos\s*penetran|wirkstoffaufnahme|pénétration|absorción", O)]
    public static partial Regex ClaimAbsorption();
    [GeneratedRegex(@"exfoliat\w*|peeling|exfoli\w*|dead\s*skin\s*cells", O)]
    public static partial Regex ClaimExfoliation();

    // Identity.
    [GeneratedRegex(@"(?<![\w])(?:(?<cur>US\s*\$|USD|C\s*\$|CA\s*\$|CAD|A\s*\$|AU\s*\$|AUD|NZ\s*\$|NZD|HK\s*\$|S\s*\$|\$|€|EUR|£|GBP|¥|JPY|CNY|RMB|₹|INR|CHF|zł|PLN|kr|SEK|NOK|DKK|R\$|BRL)\s*(?<num>\d{1,3}(?:[ ']\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d[\d.,']*\d|\d)|(?<num>\d{1,3}(?:[ ']\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d[\d.,']*\d|\d)\s*(?<cur>USD|US\s*\$|\$|€|EUR|£|GBP|CAD|AUD|NZD|CHF|JPY|CNY|₹|INR|zł|PLN|kr|SEK|NOK|DKK|BRL|Kč|CZK))(?![\w])", O)]
    public static partial Regex Price();

    [GeneratedRegex(@"(?:our\s*price|sale\s*price|price|preis|prix|precio|only|now)\s*:?\s*$", O)]
    public static partial Regex PriceLabel();

    [GeneratedRegex(@"\b(?:in\s*stock|available|auf\s*lager|lieferbar|en\s*stock|disponible|en\s*existencia)\b", O)]
    public static partial Regex InStock();
    [GeneratedRegex(@"out\s*of\s*stock|sold\s*out|currently\s*unavailable|unavailable|nicht\s*(?:auf\s*lager|verfügbar|lieferbar)|ausverkauft|rupture\s*de\s*stock|épuisé|agotado|sin\s*existencias", O)]
    public static partial Regex OutOfStock();
    [GeneratedRegex(@"pre[-\s]?order|vorbestell\w*|précommande|preventa|reserva", O)]
    public static partial Regex PreOrder();

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[\p{Lu}\d""'(])|\s*[\r\n]+\s*|\s+[•·▪|]\s+")]
    public static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?:related|similar|recommended|recently\s*viewed|you\s*(?:may|might)\s*also|customers\s*(?:also|who)|frequently\s*bought|also\s*(?:bought|viewed|like)|more\s*from|other\s*products|compare\s*with|sponsored|more\s*to\s*love|(?:seller\s*)?feedback|pairs\s*well|complete\s*the\s*(?:set|routine)|reviews?|ratings?|q\s*&\s*a|questions\s*(?:and|&)\s*answers|explore\s*more|the\s*science|science\s*behind|how\s*\w+(?:\s+\w+)?\s*compares|comparison|\bversus\b|\bvs\.?\s|discover\s*more|more\s*like\s*this|people\s*also|top\s*picks|best[-\s]?sellers?|trending|inspired\s*by|shop\s*(?:similar|more|the\s*look)|you'?ll\s*also\s*love|mehr\s*entdecken|entdecke\s*mehr|découvrez\s*aussi|descubre\s*más|ähnliche\s*(?:produkte|artikel)|das\s*könnte|kunden\s*kauften|bewertungen|produits\s*(?:similaires|associés)|vous\s*aimerez|avis\s*clients|productos\s*(?:relacionados|similares)|también\s*te\s*puede|opiniones|reseñas)", O)]
    public static partial Regex NoiseHeading();

    [GeneratedRegex(@"\s+")]
    public static partial Regex Spaces();
}
