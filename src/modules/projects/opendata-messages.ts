import { defineMessages } from '../../core/i18n/messages.ts';

/** The open-data page, and the few words the data files themselves carry. */
export const opendataMessages = defineMessages({
  en: {
    'projects.nav.open-data': 'Open data',
    'projects.opendata.title': 'Open data',
    'projects.opendata.lead':
      'Every competition, award, agreement, payment and reported result on Ortaq, as files that anyone may download, reuse and republish.',
    'projects.opendata.date': 'Date of the data: {date}',
    'projects.opendata.no-data': 'No data has been published yet.',
    'projects.opendata.counts':
      '{projects, plural, one {# funded project} other {# funded projects}} and {competitions, plural, one {# competition} other {# competitions}}.',
    'projects.opendata.fresh': 'The files are made afresh from the database at each download (and kept in caches for at most five minutes).',
    'projects.opendata.published.heading': 'What is published',
    'projects.opendata.published.body':
      'Announced competitions with their lots and results; for each agreement confirmed by both sides, its amount, term and tranches paid, and the indicators planned and achieved in each reporting period. The contents of applications, drafts, reports not yet accepted, financial documents and personal data are not published.',
    'projects.opendata.downloads.heading': 'Downloads',
    'projects.opendata.col.file': 'File',
    'projects.opendata.col.format': 'Format',
    'projects.opendata.col.contents': 'Contents',
    'projects.opendata.col.download': 'Download',
    'projects.opendata.lang-kk': 'in Kazakh',
    'projects.opendata.lang-ru': 'in Russian',
    'projects.opendata.languages':
      'Names in the files are given in Kazakh by default; for Russian, add ?lang=ru to the link. Titles and descriptions written by organisations stay in the language they were written in.',
    'projects.opendata.file.360-json.name': '360Giving grants (JSON)',
    'projects.opendata.file.360-json.format': 'JSON, 360Giving Data Standard 1.4',
    'projects.opendata.file.360-json.fields':
      'One grant per agreement: identifier, title, description, amount awarded and disbursed in tenge (KZT), award date, planned dates, recipient and funding organisation, region of the beneficiaries, competition (grant programme), payments, date last modified, data source.',
    'projects.opendata.file.360-csv.name': '360Giving grants (CSV)',
    'projects.opendata.file.360-csv.format': 'CSV (UTF-8, comma-separated) with the 360Giving column titles',
    'projects.opendata.file.360-csv.fields':
      'The same grants, one per row, under the standard’s column titles (Identifier, Title, Amount Awarded, Recipient Org:Identifier, …). Cells a spreadsheet would take for a formula begin with an apostrophe.',
    'projects.opendata.file.ocds.name': 'Competitions and contracts (OCDS)',
    'projects.opendata.file.ocds.format': 'JSON, Open Contracting Data Standard 1.1 release package with the lots extension',
    'projects.opendata.file.ocds.fields':
      'One release per competition: the tender with its lots, budgets and period for applications; awards to the winners of lots; failed lots with their reason; contracts from the agreements with their term and date signed; tranches paid as transactions and reporting periods as milestones; organisations with their roles.',
    'projects.opendata.file.results.name': 'Indicator results',
    'projects.opendata.file.results.format': 'JSON in the shape of IATI 2.03 results',
    'projects.opendata.file.results.fields':
      'For each funded project: its indicators with their unit and baseline, and for each reporting period the target and the actual value from the accepted report.',
    'projects.opendata.identifiers.heading': 'Identifiers',
    'projects.opendata.identifiers.org':
      'Organisations: KZ-BIN- followed by the 12-digit business identification number (BIN), as in the KZ-BIN list of org-id.guide. For example: {example}.',
    'projects.opendata.identifiers.grant': 'Grants (360Giving) and projects in the indicator results: 360G-ortaq- followed by the agreement’s identifier. For example: {example}.',
    'projects.opendata.identifiers.ocid':
      'Competitions as contracting processes (OCDS ocid): ocds-ortaq- followed by the competition’s number, for example {example}. Within one: lots lot-1, lot-2…; awards award-lot-1…; contracts the agreement’s identifier; transactions tranche-1…; milestones report-1….',
    'projects.opendata.identifiers.regions': 'Regions: ISO 3166-2:KZ codes (KZ-15 is Aktobe Region); KZ for the whole country.',
    'projects.opendata.identifiers.values':
      'Amounts are in tenge (KZT), with tiyn as decimals. Dates are calendar days in Kazakhstan; instants are given in UTC.',
    'projects.opendata.licence.heading': 'Licence',
    'projects.opendata.licence.body':
      'The data is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may copy, reuse and republish it, commercially too, as long as you name the source: “Ortaq, {url}”.',
    'projects.opendata.licence.link': 'The licence (CC BY 4.0)',
    'projects.opendata.standards.heading': 'Standards and schemas',
    'projects.opendata.standards.body':
      'The files are checked against the official JSON schemas of their standards, kept with the source code in the schemas folder.',
    'projects.opendata.results-shape.heading': 'The indicator results file',
    'projects.opendata.results-shape.intro':
      'The result element of the IATI 2.03 standard written as JSON: names of elements and attributes in camel case (period-start/@iso-date becomes periodStart.isoDate), texts as narratives with their language, numbers as numbers. The one field IATI does not have is unit.',
    'projects.opendata.results-shape.field': 'Field',
    'projects.opendata.results-shape.meaning': 'Meaning',
    'projects.opendata.results-shape.identifier': 'The project’s identifier, the same as its 360Giving grant’s.',
    'projects.opendata.results-shape.ocid': 'The OCDS identifier of the competition that funded it.',
    'projects.opendata.results-shape.status': 'IATI activity status: 2 active, 6 suspended, 5 terminated, 4 completed.',
    'projects.opendata.results-shape.indicator': 'The indicator’s name and unit, as written in the application.',
    'projects.opendata.results-shape.baseline': 'The baseline value at the start of the project.',
    'projects.opendata.results-shape.period': 'The reporting period’s first and last day.',
    'projects.opendata.results-shape.target': 'The value planned for the period.',
    'projects.opendata.results-shape.actual': 'The value achieved, from the accepted report (empty until a report is accepted), with its evidence.',
    'projects.opendata.results.title': 'Results of the project',
    'projects.opendata.country': 'Kazakhstan',
    'projects.opendata.ocds.contract': 'Agreement {number}',
    'projects.opendata.ocds.report': 'Report for period {period}',
    'projects.opendata.ocds.final-report': 'Final report (period {period})',
    'projects.opendata.ocds.report-period': 'Period from {start} to {end}',
    'projects.opendata.360.package-title': 'Ortaq: state grants and social projects of NGOs in Kazakhstan',
    'projects.opendata.360.package-description': 'Grants funded through Ortaq: one per agreement confirmed by both sides, with the payments made.',
  },
  ru: {
    'projects.nav.open-data': 'Открытые данные',
    'projects.opendata.title': 'Открытые данные',
    'projects.opendata.lead':
      'Каждый конкурс, решение о победителе, договор, платёж и результат из отчёта в Ortaq — в виде файлов, которые любой может скачать, использовать и публиковать.',
    'projects.opendata.date': 'Дата данных: {date}',
    'projects.opendata.no-data': 'Данные пока не опубликованы.',
    'projects.opendata.counts':
      '{projects, plural, one {# профинансированный проект} few {# профинансированных проекта} many {# профинансированных проектов} other {# профинансированного проекта}} и {competitions, plural, one {# конкурс} few {# конкурса} many {# конкурсов} other {# конкурса}}.',
    'projects.opendata.fresh': 'Файлы формируются из базы данных заново при каждом скачивании (и хранятся в кэше не дольше пяти минут).',
    'projects.opendata.published.heading': 'Что публикуется',
    'projects.opendata.published.body':
      'Объявленные конкурсы с лотами и итогами; по каждому договору, подтверждённому обеими сторонами, — сумма, срок и перечисленные транши, плановые и достигнутые значения индикаторов по каждому отчётному периоду. Содержание заявок, черновики, ещё не принятые отчёты, финансовые документы и персональные данные не публикуются.',
    'projects.opendata.downloads.heading': 'Файлы',
    'projects.opendata.col.file': 'Файл',
    'projects.opendata.col.format': 'Формат',
    'projects.opendata.col.contents': 'Содержание',
    'projects.opendata.col.download': 'Скачать',
    'projects.opendata.lang-kk': 'на казахском',
    'projects.opendata.lang-ru': 'на русском',
    'projects.opendata.languages':
      'Наименования в файлах по умолчанию даются на казахском языке; для русского добавьте к ссылке ?lang=ru. Названия и описания, написанные организациями, остаются на том языке, на котором их написали.',
    'projects.opendata.file.360-json.name': 'Гранты в формате 360Giving (JSON)',
    'projects.opendata.file.360-json.format': 'JSON, стандарт 360Giving Data Standard 1.4',
    'projects.opendata.file.360-json.fields':
      'Один грант на договор: идентификатор, название, описание, присуждённая и перечисленная сумма в тенге (KZT), дата решения, плановые сроки, получатель и организация, предоставившая грант, регион благополучателей, конкурс (грантовая программа), платежи, дата последнего изменения, источник данных.',
    'projects.opendata.file.360-csv.name': 'Гранты в формате 360Giving (CSV)',
    'projects.opendata.file.360-csv.format': 'CSV (UTF-8, разделитель — запятая) с заголовками столбцов 360Giving',
    'projects.opendata.file.360-csv.fields':
      'Те же гранты, по одному в строке, под заголовками столбцов стандарта (Identifier, Title, Amount Awarded, Recipient Org:Identifier, …). Ячейки, которые электронная таблица приняла бы за формулу, начинаются с апострофа.',
    'projects.opendata.file.ocds.name': 'Конкурсы и договоры (OCDS)',
    'projects.opendata.file.ocds.format': 'JSON, пакет релизов Open Contracting Data Standard 1.1 с расширением для лотов',
    'projects.opendata.file.ocds.fields':
      'Один релиз на конкурс: тендер с лотами, бюджетом и сроком приёма заявок; решения о победителях лотов (awards); несостоявшиеся лоты с причиной; контракты из договоров со сроком и датой подписания; перечисленные транши как транзакции и отчётные периоды как контрольные точки (milestones); организации с их ролями.',
    'projects.opendata.file.results.name': 'Результаты по индикаторам',
    'projects.opendata.file.results.format': 'JSON в структуре результатов (results) IATI 2.03',
    'projects.opendata.file.results.fields':
      'По каждому профинансированному проекту: индикаторы с единицей измерения и базовым значением, а по каждому отчётному периоду — плановое значение и фактическое из принятого отчёта.',
    'projects.opendata.identifiers.heading': 'Идентификаторы',
    'projects.opendata.identifiers.org':
      'Организации: KZ-BIN- и 12-значный бизнес-идентификационный номер (БИН), как в списке KZ-BIN на org-id.guide. Например: {example}.',
    'projects.opendata.identifiers.grant':
      'Гранты (360Giving) и проекты в результатах по индикаторам: 360G-ortaq- и идентификатор договора. Например: {example}.',
    'projects.opendata.identifiers.ocid':
      'Конкурсы как процедуры закупок (ocid в OCDS): ocds-ortaq- и номер конкурса, например {example}. Внутри конкурса: лоты — lot-1, lot-2…; решения — award-lot-1…; контракты — идентификатор договора; транзакции — tranche-1…; контрольные точки — report-1….',
    'projects.opendata.identifiers.regions': 'Регионы: коды ISO 3166-2:KZ (KZ-15 — Актюбинская область); KZ — вся страна.',
    'projects.opendata.identifiers.values':
      'Суммы указаны в тенге (KZT), тиыны — в дробной части. Даты — календарные дни по времени Казахстана; моменты времени даны в UTC.',
    'projects.opendata.licence.heading': 'Лицензия',
    'projects.opendata.licence.body':
      'Данные публикуются по лицензии Creative Commons «Атрибуция» 4.0 Международная (CC BY 4.0): их можно копировать, использовать и публиковать, в том числе в коммерческих целях, указав источник: «Ortaq, {url}».',
    'projects.opendata.licence.link': 'Текст лицензии (CC BY 4.0)',
    'projects.opendata.standards.heading': 'Стандарты и схемы',
    'projects.opendata.standards.body':
      'Файлы проверяются по официальным JSON-схемам стандартов; схемы хранятся вместе с исходным кодом в папке schemas.',
    'projects.opendata.results-shape.heading': 'Файл результатов по индикаторам',
    'projects.opendata.results-shape.intro':
      'Элемент result стандарта IATI 2.03, записанный в JSON: имена элементов и атрибутов в camelCase (period-start/@iso-date становится periodStart.isoDate), тексты — как narrative с указанием языка, числа — числами. Единственное поле, которого нет в IATI, — unit.',
    'projects.opendata.results-shape.field': 'Поле',
    'projects.opendata.results-shape.meaning': 'Значение',
    'projects.opendata.results-shape.identifier': 'Идентификатор проекта, тот же, что у его гранта в 360Giving.',
    'projects.opendata.results-shape.ocid': 'Идентификатор в OCDS конкурса, по которому проект профинансирован.',
    'projects.opendata.results-shape.status': 'Статус по IATI: 2 — реализуется, 6 — приостановлен, 5 — прекращён, 4 — завершён.',
    'projects.opendata.results-shape.indicator': 'Название индикатора и единица измерения, как в заявке.',
    'projects.opendata.results-shape.baseline': 'Базовое значение на начало проекта.',
    'projects.opendata.results-shape.period': 'Первый и последний день отчётного периода.',
    'projects.opendata.results-shape.target': 'Плановое значение на период.',
    'projects.opendata.results-shape.actual': 'Достигнутое значение из принятого отчёта (пусто, пока отчёт не принят) с подтверждением.',
    'projects.opendata.results.title': 'Результаты проекта',
    'projects.opendata.country': 'Казахстан',
    'projects.opendata.ocds.contract': 'Договор № {number}',
    'projects.opendata.ocds.report': 'Отчёт за период {period}',
    'projects.opendata.ocds.final-report': 'Итоговый отчёт (период {period})',
    'projects.opendata.ocds.report-period': 'Период с {start} по {end}',
    'projects.opendata.360.package-title': 'Ortaq: государственные гранты и социальные проекты НПО Казахстана',
    'projects.opendata.360.package-description': 'Гранты, профинансированные через Ortaq: по одному на каждый договор, подтверждённый обеими сторонами, с произведёнными платежами.',
  },
  kk: {
    'projects.nav.open-data': 'Ашық деректер',
    'projects.opendata.title': 'Ашық деректер',
    'projects.opendata.lead':
      'Ortaq-тағы әр конкурс, жеңімпаз туралы шешім, шарт, төлем және есептегі нәтиже — кез келген адам жүктеп алып, қайта пайдаланып, жариялай алатын файлдар түрінде.',
    'projects.opendata.date': 'Деректердің күні: {date}',
    'projects.opendata.no-data': 'Әзірге деректер жарияланған жоқ.',
    'projects.opendata.counts':
      '{projects, plural, one {# қаржыландырылған жоба} other {# қаржыландырылған жоба}} және {competitions, plural, one {# конкурс} other {# конкурс}}.',
    'projects.opendata.fresh': 'Файлдар әр жүктеп алған сайын дерекқордан жаңадан жасалады (кэште ең көбі бес минут сақталады).',
    'projects.opendata.published.heading': 'Не жарияланады',
    'projects.opendata.published.body':
      'Жарияланған конкурстар лоттарымен және қорытындыларымен; екі тарап растаған әр шарт бойынша — сомасы, мерзімі және аударылған транштары, әр есептік кезеңде жоспарланған және қол жеткізілген индикаторлар. Өтінімдердің мазмұны, нобайлар, әлі қабылданбаған есептер, қаржылық құжаттар мен дербес деректер жарияланбайды.',
    'projects.opendata.downloads.heading': 'Файлдар',
    'projects.opendata.col.file': 'Файл',
    'projects.opendata.col.format': 'Пішімі',
    'projects.opendata.col.contents': 'Мазмұны',
    'projects.opendata.col.download': 'Жүктеп алу',
    'projects.opendata.lang-kk': 'қазақша',
    'projects.opendata.lang-ru': 'орысша',
    'projects.opendata.languages':
      'Файлдардағы атаулар әдепкі бойынша қазақ тілінде беріледі; орыс тіліндегісі үшін сілтемеге ?lang=ru қосыңыз. Ұйымдар жазған атаулар мен сипаттамалар өздері жазған тілде қалады.',
    'projects.opendata.file.360-json.name': '360Giving гранттары (JSON)',
    'projects.opendata.file.360-json.format': 'JSON, 360Giving Data Standard 1.4 стандарты',
    'projects.opendata.file.360-json.fields':
      'Әр шартқа бір грант: сәйкестендіргіші, атауы, сипаттамасы, бөлінген және аударылған сомасы теңгемен (KZT), шешім күні, жоспарлы мерзімдері, алушы ұйым және грант берген ұйым, пайда алушылардың өңірі, конкурс (гранттық бағдарлама), төлемдер, соңғы өзгерген күні, дереккөзі.',
    'projects.opendata.file.360-csv.name': '360Giving гранттары (CSV)',
    'projects.opendata.file.360-csv.format': 'CSV (UTF-8, үтірмен бөлінген), 360Giving баған тақырыптарымен',
    'projects.opendata.file.360-csv.fields':
      'Сол гранттар, әр жолда біреуден, стандарттың баған тақырыптарымен (Identifier, Title, Amount Awarded, Recipient Org:Identifier, …). Электрондық кесте формула деп қабылдайтын ұяшықтар апострофтан басталады.',
    'projects.opendata.file.ocds.name': 'Конкурстар мен шарттар (OCDS)',
    'projects.opendata.file.ocds.format': 'JSON, Open Contracting Data Standard 1.1 релиздер пакеті, лоттарға арналған кеңейтумен',
    'projects.opendata.file.ocds.fields':
      'Әр конкурсқа бір релиз: лоттары, бюджеті және өтінім қабылдау мерзімі бар тендер; лот жеңімпаздары туралы шешімдер (awards); өтпеген лоттар себебімен; шарттардан жасалған келісімшарттар мерзімімен және қол қойылған күнімен; аударылған транштар транзакция ретінде, есептік кезеңдер бақылау нүктесі (milestones) ретінде; ұйымдар рөлдерімен.',
    'projects.opendata.file.results.name': 'Индикаторлар бойынша нәтижелер',
    'projects.opendata.file.results.format': 'JSON, IATI 2.03 нәтижелер (results) құрылымында',
    'projects.opendata.file.results.fields':
      'Әр қаржыландырылған жоба бойынша: өлшем бірлігі мен бастапқы мәні көрсетілген индикаторлары, ал әр есептік кезеңге — жоспарлы мәні және қабылданған есептегі нақты мәні.',
    'projects.opendata.identifiers.heading': 'Сәйкестендіргіштер',
    'projects.opendata.identifiers.org':
      'Ұйымдар: KZ-BIN- және 12 таңбалы бизнес-сәйкестендіру нөмірі (БСН), org-id.guide тізіміндегі KZ-BIN сияқты. Мысалы: {example}.',
    'projects.opendata.identifiers.grant':
      'Гранттар (360Giving) және индикаторлар нәтижелеріндегі жобалар: 360G-ortaq- және шарттың сәйкестендіргіші. Мысалы: {example}.',
    'projects.opendata.identifiers.ocid':
      'Конкурстар сатып алу рәсімі ретінде (OCDS ocid): ocds-ortaq- және конкурстың нөмірі, мысалы {example}. Конкурс ішінде: лоттар — lot-1, lot-2…; шешімдер — award-lot-1…; келісімшарттар — шарттың сәйкестендіргіші; транзакциялар — tranche-1…; бақылау нүктелері — report-1….',
    'projects.opendata.identifiers.regions': 'Өңірлер: ISO 3166-2:KZ кодтары (KZ-15 — Ақтөбе облысы); KZ — бүкіл ел.',
    'projects.opendata.identifiers.values':
      'Сомалар теңгемен (KZT) көрсетіледі, тиын — бөлшек бөлігінде. Күндер Қазақстан уақыты бойынша күнтізбелік күндер; уақыт сәттері UTC бойынша беріледі.',
    'projects.opendata.licence.heading': 'Лицензия',
    'projects.opendata.licence.body':
      'Деректер Creative Commons Attribution 4.0 International (CC BY 4.0) лицензиясы бойынша жарияланады: дереккөзін көрсетіп, оларды көшіруге, қайта пайдалануға және жариялауға, соның ішінде коммерциялық мақсатта да болады: «Ortaq, {url}».',
    'projects.opendata.licence.link': 'Лицензия мәтіні (CC BY 4.0)',
    'projects.opendata.standards.heading': 'Стандарттар мен схемалар',
    'projects.opendata.standards.body':
      'Файлдар стандарттардың ресми JSON-схемалары бойынша тексеріледі; схемалар бастапқы кодпен бірге schemas қалтасында сақталады.',
    'projects.opendata.results-shape.heading': 'Индикаторлар нәтижелерінің файлы',
    'projects.opendata.results-shape.intro':
      'IATI 2.03 стандартының result элементі JSON түрінде: элементтер мен атрибуттардың атаулары camelCase үлгісінде (period-start/@iso-date — periodStart.isoDate болады), мәтіндер тілі көрсетілген narrative ретінде, сандар сан ретінде беріледі. IATI-да жоқ жалғыз өріс — unit (өлшем бірлігі).',
    'projects.opendata.results-shape.field': 'Өріс',
    'projects.opendata.results-shape.meaning': 'Мағынасы',
    'projects.opendata.results-shape.identifier': 'Жобаның сәйкестендіргіші, 360Giving-тегі грантымен бірдей.',
    'projects.opendata.results-shape.ocid': 'Жобаны қаржыландырған конкурстың OCDS-тегі сәйкестендіргіші.',
    'projects.opendata.results-shape.status': 'IATI бойынша мәртебесі: 2 — іске асырылуда, 6 — тоқтатыла тұрған, 5 — тоқтатылған, 4 — аяқталған.',
    'projects.opendata.results-shape.indicator': 'Индикатордың атауы және өлшем бірлігі, өтінімде жазылғандай.',
    'projects.opendata.results-shape.baseline': 'Жоба басындағы бастапқы мәні.',
    'projects.opendata.results-shape.period': 'Есептік кезеңнің бірінші және соңғы күні.',
    'projects.opendata.results-shape.target': 'Кезеңге жоспарланған мән.',
    'projects.opendata.results-shape.actual': 'Қабылданған есептегі қол жеткізілген мән (есеп қабылданғанға дейін бос) және оның дәлелі.',
    'projects.opendata.results.title': 'Жобаның нәтижелері',
    'projects.opendata.country': 'Қазақстан',
    'projects.opendata.ocds.contract': '№ {number} шарт',
    'projects.opendata.ocds.report': '{period}-кезеңнің есебі',
    'projects.opendata.ocds.final-report': 'Қорытынды есеп ({period}-кезең)',
    'projects.opendata.ocds.report-period': 'Кезең: {start} – {end}',
    'projects.opendata.360.package-title': 'Ortaq: Қазақстан ҮЕҰ-ларының мемлекеттік гранттары мен әлеуметтік жобалары',
    'projects.opendata.360.package-description': 'Ortaq арқылы қаржыландырылған гранттар: екі тарап растаған әр шартқа біреуден, жасалған төлемдерімен.',
  },
});
