/**
 * Districts (аудандар / районы) and cities of regional significance of Kazakhstan, i.e. the
 * second level of KATO, with the borders in force since 8 June 2022 plus later changes: 228 units.
 *
 * `kato` is the unit's 9-digit KATO code. Its first two digits are the region and equal the ISO
 * 3166-2:KZ number for all 20 regions (Abai 10…, Zhetisu 33…, Ulytau 62… included), so no oblast
 * prefix had to be inferred.
 *
 * Sources (only facts taken, no code):
 * - Codes and Russian names of 220 units: KATO edition 17.10.2022 (stat.gov.kz, ESTAT442785), as
 *   copied in nikita-astakhnovich-idf/CsvParser `src/main/resources/KATO_17.10.2022_ru.csv`
 *   (initial commit of 2022-11-17; already has the Abai/Zhetisu/Ulytau split).
 * - 8 units missing from that edition: Zhanasemey 104100000 and Makanshy 104500000 (Abai),
 *   Markakol 635500000 and Ulken Naryn 636300000 (East Kazakhstan), Alatau City 191800000 (2024,
 *   from Ile District), Astana's Nura 711510000 (2022) and Saraishyk 711610000 (January 2025),
 *   Shymkent's Turan 791910000 (2022).
 *   Codes from public scripts that read KATO 2025-2026 (a population pipeline citing the
 *   KATO_18.09.2026 file; cihancacan/medsestra-kz `lib/ambulance-locations.generated.ts`, "KATO NK RK
 *   11-2025, updated 17 July 2026"). The Abai codes 104100000 and 104500000 come from the first of
 *   these only: medium confidence.
 * - Current Russian spellings (Шиелийский, Сарканский, Жетысайский) and the full list of 228 units:
 *   a public taldau.stat.gov.kz scraper (2025-2026). KATO itself writes some Russian names with
 *   Kazakh letters (город Қонаев, район Нұра, район Ақсуат...); they are kept as KATO has them.
 *   «X Г.А.» is written «город X».
 * - Kazakh names: the KATO Kazakh column was not available here. They are the official Kazakh
 *   names as used by the akimats, compiled by hand and checked against several public lists. Not
 *   verified letter by letter against KATO: check them before they appear in official documents.
 * - English: a plain transliteration of the Kazakh name (Martok, Oiyl, Oral, Oskemen), not official.
 *
 * Baikonyr (431900000) is listed under Kyzylorda Region as in KATO, although the city is leased to
 * Russia. Cities of district significance (e.g. Kandyagash) are not here: they are part of a district.
 */
import type { Lang } from '../i18n/langs.ts';

export type District = {
  /** 9-digit KATO code of the district-level unit. */
  kato: string;
  /** ISO 3166-2:KZ code of the region, as in regions.ts. */
  regionCode: string;
  /** 'city': city of regional significance (городская администрация); 'district': аудан / район. */
  kind: 'district' | 'city';
  name: Record<Lang, string>;
};

export const DISTRICTS: readonly District[] = [
  // KZ-10 Abai Region: 12
  { kato: '101000000', regionCode: 'KZ-10', kind: 'city', name: { kk: 'Семей қаласы', ru: 'город Семей', en: 'Semey City' } },
  { kato: '101800000', regionCode: 'KZ-10', kind: 'city', name: { kk: 'Курчатов қаласы', ru: 'город Курчатов', en: 'Kurchatov City' } },
  { kato: '103200000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Абай ауданы', ru: 'Абайский район', en: 'Abai District' } },
  { kato: '103400000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Ақсуат ауданы', ru: 'район Ақсуат', en: 'Aksuat District' } },
  { kato: '103600000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Аягөз ауданы', ru: 'Аягозский район', en: 'Ayagoz District' } },
  { kato: '103800000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Бесқарағай ауданы', ru: 'Бескарагайский район', en: 'Beskaragai District' } },
  { kato: '104000000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Бородулиха ауданы', ru: 'Бородулихинский район', en: 'Borodulikha District' } },
  { kato: '104100000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Жаңасемей ауданы', ru: 'район Жаңасемей', en: 'Zhanasemey District' } },
  { kato: '104200000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Жарма ауданы', ru: 'Жарминский район', en: 'Zharma District' } },
  { kato: '104400000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Көкпекті ауданы', ru: 'Кокпектинский район', en: 'Kokpekti District' } },
  { kato: '104500000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Мақаншы ауданы', ru: 'район Мақаншы', en: 'Makanshy District' } },
  { kato: '104600000', regionCode: 'KZ-10', kind: 'district', name: { kk: 'Үржар ауданы', ru: 'Урджарский район', en: 'Urzhar District' } },
  // KZ-11 Akmola Region: 20
  { kato: '111000000', regionCode: 'KZ-11', kind: 'city', name: { kk: 'Көкшетау қаласы', ru: 'город Кокшетау', en: 'Kokshetau City' } },
  { kato: '111600000', regionCode: 'KZ-11', kind: 'city', name: { kk: 'Қосшы қаласы', ru: 'город Косшы', en: 'Kosshy City' } },
  { kato: '111800000', regionCode: 'KZ-11', kind: 'city', name: { kk: 'Степногор қаласы', ru: 'город Степногорск', en: 'Stepnogorsk City' } },
  { kato: '113200000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Ақкөл ауданы', ru: 'Аккольский район', en: 'Akkol District' } },
  { kato: '113400000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Аршалы ауданы', ru: 'Аршалынский район', en: 'Arshaly District' } },
  { kato: '113600000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Астрахан ауданы', ru: 'Астраханский район', en: 'Astrakhan District' } },
  { kato: '113800000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Атбасар ауданы', ru: 'Атбасарский район', en: 'Atbasar District' } },
  { kato: '114000000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Бұланды ауданы', ru: 'Буландынский район', en: 'Bulandy District' } },
  { kato: '114400000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Егіндікөл ауданы', ru: 'Егиндыкольский район', en: 'Egindykol District' } },
  { kato: '114500000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Біржан сал ауданы', ru: 'район Биржан сал', en: 'Birzhan Sal District' } },
  { kato: '114600000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Ерейментау ауданы', ru: 'Ерейментауский район', en: 'Ereimentau District' } },
  { kato: '114800000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Есіл ауданы', ru: 'Есильский район', en: 'Esil District' } },
  { kato: '115200000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Жақсы ауданы', ru: 'Жаксынский район', en: 'Zhaksy District' } },
  { kato: '115400000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Жарқайың ауданы', ru: 'Жаркаинский район', en: 'Zharkaiyn District' } },
  { kato: '115600000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Зеренді ауданы', ru: 'Зерендинский район', en: 'Zerendi District' } },
  { kato: '116000000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Қорғалжын ауданы', ru: 'Коргалжынский район', en: 'Korgalzhyn District' } },
  { kato: '116400000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Сандықтау ауданы', ru: 'Сандыктауский район', en: 'Sandyktau District' } },
  { kato: '116600000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Целиноград ауданы', ru: 'Целиноградский район', en: 'Tselinograd District' } },
  { kato: '116800000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Шортанды ауданы', ru: 'Шортандинский район', en: 'Shortandy District' } },
  { kato: '117000000', regionCode: 'KZ-11', kind: 'district', name: { kk: 'Бурабай ауданы', ru: 'Бурабайский район', en: 'Burabay District' } },
  // KZ-15 Aktobe Region: 13
  { kato: '151000000', regionCode: 'KZ-15', kind: 'city', name: { kk: 'Ақтөбе қаласы', ru: 'город Актобе', en: 'Aktobe City' } },
  { kato: '153200000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Алға ауданы', ru: 'Алгинский район', en: 'Alga District' } },
  { kato: '153400000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Әйтеке би ауданы', ru: 'Айтекебийский район', en: 'Aiteke Bi District' } },
  { kato: '153600000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Байғанин ауданы', ru: 'Байганинский район', en: 'Baiganin District' } },
  { kato: '154000000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Қарғалы ауданы', ru: 'Каргалинский район', en: 'Kargaly District' } },
  { kato: '154200000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Қобда ауданы', ru: 'Хобдинский район', en: 'Kobda District' } },
  { kato: '154600000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Мәртөк ауданы', ru: 'Мартукский район', en: 'Martok District' } },
  { kato: '154800000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Мұғалжар ауданы', ru: 'Мугалжарский район', en: 'Mugalzhar District' } },
  { kato: '155200000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Ойыл ауданы', ru: 'Уилский район', en: 'Oiyl District' } },
  { kato: '155600000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Темір ауданы', ru: 'Темирский район', en: 'Temir District' } },
  { kato: '156000000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Хромтау ауданы', ru: 'Хромтауский район', en: 'Khromtau District' } },
  { kato: '156400000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Шалқар ауданы', ru: 'Шалкарский район', en: 'Shalkar District' } },
  { kato: '156800000', regionCode: 'KZ-15', kind: 'district', name: { kk: 'Ырғыз ауданы', ru: 'Иргизский район', en: 'Yrgyz District' } },
  // KZ-19 Almaty Region: 11
  { kato: '191000000', regionCode: 'KZ-19', kind: 'city', name: { kk: 'Қонаев қаласы', ru: 'город Қонаев', en: 'Konaev City' } },
  { kato: '191800000', regionCode: 'KZ-19', kind: 'city', name: { kk: 'Алатау қаласы', ru: 'город Алатау', en: 'Alatau City' } },
  { kato: '193600000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Балқаш ауданы', ru: 'Балхашский район', en: 'Balkash District' } },
  { kato: '194000000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Еңбекшіқазақ ауданы', ru: 'Енбекшиказахский район', en: 'Enbekshikazakh District' } },
  { kato: '194200000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Жамбыл ауданы', ru: 'Жамбылский район', en: 'Zhambyl District' } },
  { kato: '194400000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Кеген ауданы', ru: 'Кегенский район', en: 'Kegen District' } },
  { kato: '195200000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Қарасай ауданы', ru: 'Карасайский район', en: 'Karasai District' } },
  { kato: '195800000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Райымбек ауданы', ru: 'Райымбекский район', en: 'Raiymbek District' } },
  { kato: '196200000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Талғар ауданы', ru: 'Талгарский район', en: 'Talgar District' } },
  { kato: '196600000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Ұйғыр ауданы', ru: 'Уйгурский район', en: 'Uigur District' } },
  { kato: '196800000', regionCode: 'KZ-19', kind: 'district', name: { kk: 'Іле ауданы', ru: 'Илийский район', en: 'Ile District' } },
  // KZ-23 Atyrau Region: 8
  { kato: '231000000', regionCode: 'KZ-23', kind: 'city', name: { kk: 'Атырау қаласы', ru: 'город Атырау', en: 'Atyrau City' } },
  { kato: '233600000', regionCode: 'KZ-23', kind: 'district', name: { kk: 'Жылыой ауданы', ru: 'Жылыойский район', en: 'Zhylyoi District' } },
  { kato: '234000000', regionCode: 'KZ-23', kind: 'district', name: { kk: 'Индер ауданы', ru: 'Индерский район', en: 'Inder District' } },
  { kato: '234200000', regionCode: 'KZ-23', kind: 'district', name: { kk: 'Исатай ауданы', ru: 'Исатайский район', en: 'Isatai District' } },
  { kato: '234600000', regionCode: 'KZ-23', kind: 'district', name: { kk: 'Құрманғазы ауданы', ru: 'Курмангазинский район', en: 'Kurmangazy District' } },
  { kato: '234800000', regionCode: 'KZ-23', kind: 'district', name: { kk: 'Қызылқоға ауданы', ru: 'Кзылкогинский район', en: 'Kyzylkoga District' } },
  { kato: '235200000', regionCode: 'KZ-23', kind: 'district', name: { kk: 'Мақат ауданы', ru: 'Макатский район', en: 'Makat District' } },
  { kato: '235600000', regionCode: 'KZ-23', kind: 'district', name: { kk: 'Махамбет ауданы', ru: 'Махамбетский район', en: 'Makhambet District' } },
  // KZ-27 West Kazakhstan Region: 13
  { kato: '271000000', regionCode: 'KZ-27', kind: 'city', name: { kk: 'Орал қаласы', ru: 'город Уральск', en: 'Oral City' } },
  { kato: '273200000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Ақжайық ауданы', ru: 'Акжаикский район', en: 'Akzhaiyk District' } },
  { kato: '273600000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Бөрлі ауданы', ru: 'Бурлинский район', en: 'Borli District' } },
  { kato: '274000000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Жаңақала ауданы', ru: 'Жангалинский район', en: 'Zhanakala District' } },
  { kato: '274200000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Жәнібек ауданы', ru: 'Жанибекский район', en: 'Zhanibek District' } },
  { kato: '274400000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Бәйтерек ауданы', ru: 'район Бәйтерек', en: 'Baiterek District' } },
  { kato: '274800000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Қазталов ауданы', ru: 'Казталовский район', en: 'Kaztalov District' } },
  { kato: '275000000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Қаратөбе ауданы', ru: 'Каратобинский район', en: 'Karatobe District' } },
  { kato: '275400000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Бөкей ордасы ауданы', ru: 'Бокейординский район', en: 'Bokei Ordasy District' } },
  { kato: '275800000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Сырым ауданы', ru: 'Сырымский район', en: 'Syrym District' } },
  { kato: '276000000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Тасқала ауданы', ru: 'Таскалинский район', en: 'Taskala District' } },
  { kato: '276200000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Теректі ауданы', ru: 'Теректинский район', en: 'Terekti District' } },
  { kato: '276600000', regionCode: 'KZ-27', kind: 'district', name: { kk: 'Шыңғырлау ауданы', ru: 'Чингирлауский район', en: 'Shyngyrlau District' } },
  // KZ-31 Zhambyl Region: 11
  { kato: '311000000', regionCode: 'KZ-31', kind: 'city', name: { kk: 'Тараз қаласы', ru: 'город Тараз', en: 'Taraz City' } },
  { kato: '313600000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Байзақ ауданы', ru: 'Байзакский район', en: 'Baizak District' } },
  { kato: '314000000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Жамбыл ауданы', ru: 'Жамбылский район', en: 'Zhambyl District' } },
  { kato: '314200000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Жуалы ауданы', ru: 'Жуалынский район', en: 'Zhualy District' } },
  { kato: '314800000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Қордай ауданы', ru: 'Кордайский район', en: 'Korday District' } },
  { kato: '315000000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Тұрар Рысқұлов ауданы', ru: 'район Турара Рыскулова', en: 'Turar Ryskulov District' } },
  { kato: '315400000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Меркі ауданы', ru: 'Меркенский район', en: 'Merki District' } },
  { kato: '315600000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Мойынқұм ауданы', ru: 'Мойынкумский район', en: 'Moiynkum District' } },
  { kato: '316000000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Сарысу ауданы', ru: 'Сарысуский район', en: 'Sarysu District' } },
  { kato: '316200000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Талас ауданы', ru: 'Таласский район', en: 'Talas District' } },
  { kato: '316600000', regionCode: 'KZ-31', kind: 'district', name: { kk: 'Шу ауданы', ru: 'Шуский район', en: 'Shu District' } },
  // KZ-33 Zhetisu Region: 10
  { kato: '331000000', regionCode: 'KZ-33', kind: 'city', name: { kk: 'Талдықорған қаласы', ru: 'город Талдыкорган', en: 'Taldykorgan City' } },
  { kato: '331800000', regionCode: 'KZ-33', kind: 'city', name: { kk: 'Текелі қаласы', ru: 'город Текели', en: 'Tekeli City' } },
  { kato: '333200000', regionCode: 'KZ-33', kind: 'district', name: { kk: 'Ақсу ауданы', ru: 'Аксуский район', en: 'Aksu District' } },
  { kato: '333400000', regionCode: 'KZ-33', kind: 'district', name: { kk: 'Алакөл ауданы', ru: 'Алакольский район', en: 'Alakol District' } },
  { kato: '333600000', regionCode: 'KZ-33', kind: 'district', name: { kk: 'Ескелді ауданы', ru: 'Ескельдинский район', en: 'Eskeldi District' } },
  { kato: '334000000', regionCode: 'KZ-33', kind: 'district', name: { kk: 'Кербұлақ ауданы', ru: 'Кербулакский район', en: 'Kerbulak District' } },
  { kato: '334200000', regionCode: 'KZ-33', kind: 'district', name: { kk: 'Көксу ауданы', ru: 'Коксуский район', en: 'Koksu District' } },
  { kato: '334400000', regionCode: 'KZ-33', kind: 'district', name: { kk: 'Қаратал ауданы', ru: 'Каратальский район', en: 'Karatal District' } },
  { kato: '334600000', regionCode: 'KZ-33', kind: 'district', name: { kk: 'Панфилов ауданы', ru: 'Панфиловский район', en: 'Panfilov District' } },
  { kato: '334800000', regionCode: 'KZ-33', kind: 'district', name: { kk: 'Сарқан ауданы', ru: 'Сарканский район', en: 'Sarkan District' } },
  // KZ-35 Karaganda Region: 13
  { kato: '351000000', regionCode: 'KZ-35', kind: 'city', name: { kk: 'Қарағанды қаласы', ru: 'город Караганда', en: 'Karaganda City' } },
  { kato: '351600000', regionCode: 'KZ-35', kind: 'city', name: { kk: 'Балқаш қаласы', ru: 'город Балхаш', en: 'Balkhash City' } },
  { kato: '352100000', regionCode: 'KZ-35', kind: 'city', name: { kk: 'Приозерск қаласы', ru: 'город Приозерск', en: 'Priozersk City' } },
  { kato: '352200000', regionCode: 'KZ-35', kind: 'city', name: { kk: 'Саран қаласы', ru: 'город Сарань', en: 'Saran City' } },
  { kato: '352400000', regionCode: 'KZ-35', kind: 'city', name: { kk: 'Теміртау қаласы', ru: 'город Темиртау', en: 'Temirtau City' } },
  { kato: '352800000', regionCode: 'KZ-35', kind: 'city', name: { kk: 'Шахтинск қаласы', ru: 'город Шахтинск', en: 'Shakhtinsk City' } },
  { kato: '353200000', regionCode: 'KZ-35', kind: 'district', name: { kk: 'Абай ауданы', ru: 'Абайский район', en: 'Abai District' } },
  { kato: '353600000', regionCode: 'KZ-35', kind: 'district', name: { kk: 'Ақтоғай ауданы', ru: 'Актогайский район', en: 'Aktogai District' } },
  { kato: '354000000', regionCode: 'KZ-35', kind: 'district', name: { kk: 'Бұқар жырау ауданы', ru: 'Бухар-Жырауский район', en: 'Bukhar Zhyrau District' } },
  { kato: '354800000', regionCode: 'KZ-35', kind: 'district', name: { kk: 'Қарқаралы ауданы', ru: 'Каркаралинский район', en: 'Karkaraly District' } },
  { kato: '355200000', regionCode: 'KZ-35', kind: 'district', name: { kk: 'Нұра ауданы', ru: 'Нуринский район', en: 'Nura District' } },
  { kato: '355600000', regionCode: 'KZ-35', kind: 'district', name: { kk: 'Осакаров ауданы', ru: 'Осакаровский район', en: 'Osakarov District' } },
  { kato: '356400000', regionCode: 'KZ-35', kind: 'district', name: { kk: 'Шет ауданы', ru: 'Шетский район', en: 'Shet District' } },
  // KZ-39 Kostanay Region: 20
  { kato: '391000000', regionCode: 'KZ-39', kind: 'city', name: { kk: 'Қостанай қаласы', ru: 'город Костанай', en: 'Kostanay City' } },
  { kato: '391600000', regionCode: 'KZ-39', kind: 'city', name: { kk: 'Арқалық қаласы', ru: 'город Аркалык', en: 'Arkalyk City' } },
  { kato: '392000000', regionCode: 'KZ-39', kind: 'city', name: { kk: 'Лисаков қаласы', ru: 'город Лисаковск', en: 'Lisakovsk City' } },
  { kato: '392400000', regionCode: 'KZ-39', kind: 'city', name: { kk: 'Рудный қаласы', ru: 'город Рудный', en: 'Rudny City' } },
  { kato: '393200000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Алтынсарин ауданы', ru: 'Алтынсаринский район', en: 'Altynsarin District' } },
  { kato: '393400000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Амангелді ауданы', ru: 'Амангельдинский район', en: 'Amangeldi District' } },
  { kato: '393600000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Әулиекөл ауданы', ru: 'Аулиекольский район', en: 'Auliekol District' } },
  { kato: '394000000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Денисов ауданы', ru: 'Денисовский район', en: 'Denisov District' } },
  { kato: '394200000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Жангелдин ауданы', ru: 'Жангельдинский район', en: 'Zhangeldin District' } },
  { kato: '394400000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Жітіқара ауданы', ru: 'Житикаринский район', en: 'Zhitikara District' } },
  { kato: '394800000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Қамысты ауданы', ru: 'Камыстинский район', en: 'Kamysty District' } },
  { kato: '395000000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Қарабалық ауданы', ru: 'Карабалыкский район', en: 'Karabalyk District' } },
  { kato: '395200000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Қарасу ауданы', ru: 'Карасуский район', en: 'Karasu District' } },
  { kato: '395400000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Қостанай ауданы', ru: 'Костанайский район', en: 'Kostanay District' } },
  { kato: '395600000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Меңдіқара ауданы', ru: 'Мендыкаринский район', en: 'Mendykara District' } },
  { kato: '395800000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Наурызым ауданы', ru: 'Наурзумский район', en: 'Nauryzym District' } },
  { kato: '396200000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Сарыкөл ауданы', ru: 'Сарыкольский район', en: 'Sarykol District' } },
  { kato: '396400000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Бейімбет Майлин ауданы', ru: 'район Беимбета Майлина', en: 'Beimbet Mailin District' } },
  { kato: '396600000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Ұзынкөл ауданы', ru: 'Узункольский район', en: 'Uzynkol District' } },
  { kato: '396800000', regionCode: 'KZ-39', kind: 'district', name: { kk: 'Федоров ауданы', ru: 'Федоровский район', en: 'Fedorov District' } },
  // KZ-43 Kyzylorda Region: 9
  { kato: '431000000', regionCode: 'KZ-43', kind: 'city', name: { kk: 'Қызылорда қаласы', ru: 'город Кызылорда', en: 'Kyzylorda City' } },
  { kato: '431900000', regionCode: 'KZ-43', kind: 'city', name: { kk: 'Байқоңыр қаласы', ru: 'город Байконыр', en: 'Baikonyr City' } },
  { kato: '433200000', regionCode: 'KZ-43', kind: 'district', name: { kk: 'Арал ауданы', ru: 'Аральский район', en: 'Aral District' } },
  { kato: '433600000', regionCode: 'KZ-43', kind: 'district', name: { kk: 'Жалағаш ауданы', ru: 'Жалагашский район', en: 'Zhalagash District' } },
  { kato: '434000000', regionCode: 'KZ-43', kind: 'district', name: { kk: 'Жаңақорған ауданы', ru: 'Жанакорганский район', en: 'Zhanakorgan District' } },
  { kato: '434400000', regionCode: 'KZ-43', kind: 'district', name: { kk: 'Қазалы ауданы', ru: 'Казалинский район', en: 'Kazaly District' } },
  { kato: '434600000', regionCode: 'KZ-43', kind: 'district', name: { kk: 'Қармақшы ауданы', ru: 'Кармакшинский район', en: 'Karmakshy District' } },
  { kato: '434800000', regionCode: 'KZ-43', kind: 'district', name: { kk: 'Сырдария ауданы', ru: 'Сырдарьинский район', en: 'Syrdariya District' } },
  { kato: '435200000', regionCode: 'KZ-43', kind: 'district', name: { kk: 'Шиелі ауданы', ru: 'Шиелийский район', en: 'Shieli District' } },
  // KZ-47 Mangystau Region: 7
  { kato: '471000000', regionCode: 'KZ-47', kind: 'city', name: { kk: 'Ақтау қаласы', ru: 'город Актау', en: 'Aktau City' } },
  { kato: '471800000', regionCode: 'KZ-47', kind: 'city', name: { kk: 'Жаңаөзен қаласы', ru: 'город Жанаозен', en: 'Zhanaozen City' } },
  { kato: '473600000', regionCode: 'KZ-47', kind: 'district', name: { kk: 'Бейнеу ауданы', ru: 'Бейнеуский район', en: 'Beineu District' } },
  { kato: '474200000', regionCode: 'KZ-47', kind: 'district', name: { kk: 'Қарақия ауданы', ru: 'Каракиянский район', en: 'Karakiya District' } },
  { kato: '474600000', regionCode: 'KZ-47', kind: 'district', name: { kk: 'Маңғыстау ауданы', ru: 'Мангистауский район', en: 'Mangystau District' } },
  { kato: '475000000', regionCode: 'KZ-47', kind: 'district', name: { kk: 'Мұнайлы ауданы', ru: 'Мунайлинский район', en: 'Munaily District' } },
  { kato: '475200000', regionCode: 'KZ-47', kind: 'district', name: { kk: 'Түпқараған ауданы', ru: 'Тупкараганский район', en: 'Tupkaragan District' } },
  // KZ-55 Pavlodar Region: 13
  { kato: '551000000', regionCode: 'KZ-55', kind: 'city', name: { kk: 'Павлодар қаласы', ru: 'город Павлодар', en: 'Pavlodar City' } },
  { kato: '551600000', regionCode: 'KZ-55', kind: 'city', name: { kk: 'Ақсу қаласы', ru: 'город Аксу', en: 'Aksu City' } },
  { kato: '552200000', regionCode: 'KZ-55', kind: 'city', name: { kk: 'Екібастұз қаласы', ru: 'город Экибастуз', en: 'Ekibastuz City' } },
  { kato: '553200000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Ақтоғай ауданы', ru: 'Актогайский район', en: 'Aktogai District' } },
  { kato: '553600000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Баянауыл ауданы', ru: 'Баянаульский район', en: 'Bayanaul District' } },
  { kato: '554200000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Железин ауданы', ru: 'Железинский район', en: 'Zhelezin District' } },
  { kato: '554600000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Ертіс ауданы', ru: 'Иртышский район', en: 'Ertis District' } },
  { kato: '554800000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Тереңкөл ауданы', ru: 'район Тереңкөл', en: 'Terenkol District' } },
  { kato: '555200000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Аққулы ауданы', ru: 'район Аққулы', en: 'Akkuly District' } },
  { kato: '555600000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Май ауданы', ru: 'Майский район', en: 'Mai District' } },
  { kato: '556000000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Павлодар ауданы', ru: 'Павлодарский район', en: 'Pavlodar District' } },
  { kato: '556400000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Успен ауданы', ru: 'Успенский район', en: 'Uspen District' } },
  { kato: '556800000', regionCode: 'KZ-55', kind: 'district', name: { kk: 'Шарбақты ауданы', ru: 'Щербактинский район', en: 'Sharbakty District' } },
  // KZ-59 North Kazakhstan Region: 14
  { kato: '591000000', regionCode: 'KZ-59', kind: 'city', name: { kk: 'Петропавл қаласы', ru: 'город Петропавловск', en: 'Petropavl City' } },
  { kato: '593200000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Айыртау ауданы', ru: 'Айыртауский район', en: 'Aiyrtau District' } },
  { kato: '593400000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Ақжар ауданы', ru: 'Акжарский район', en: 'Akzhar District' } },
  { kato: '593600000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Мағжан Жұмабаев ауданы', ru: 'район Магжана Жумабаева', en: 'Magzhan Zhumabayev District' } },
  { kato: '594200000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Есіл ауданы', ru: 'Есильский район', en: 'Esil District' } },
  { kato: '594600000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Жамбыл ауданы', ru: 'Жамбылский район', en: 'Zhambyl District' } },
  { kato: '595000000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Қызылжар ауданы', ru: 'Кызылжарский район', en: 'Kyzylzhar District' } },
  { kato: '595200000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Мамлют ауданы', ru: 'Мамлютский район', en: 'Mamlyut District' } },
  { kato: '595600000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Шал ақын ауданы', ru: 'район Шал акына', en: 'Shal Akyn District' } },
  { kato: '595800000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Аққайың ауданы', ru: 'Аккайынский район', en: 'Akkaiyn District' } },
  { kato: '596000000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Тайынша ауданы', ru: 'Тайыншинский район', en: 'Taiynsha District' } },
  { kato: '596200000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Тимирязев ауданы', ru: 'Тимирязевский район', en: 'Timiryazev District' } },
  { kato: '596400000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Уәлиханов ауданы', ru: 'Уалихановский район', en: 'Ualikhanov District' } },
  { kato: '596600000', regionCode: 'KZ-59', kind: 'district', name: { kk: 'Ғабит Мүсірепов атындағы аудан', ru: 'район имени Габита Мусрепова', en: 'Gabit Musirepov District' } },
  // KZ-61 Turkistan Region: 17
  { kato: '611000000', regionCode: 'KZ-61', kind: 'city', name: { kk: 'Түркістан қаласы', ru: 'город Туркестан', en: 'Turkistan City' } },
  { kato: '611600000', regionCode: 'KZ-61', kind: 'city', name: { kk: 'Арыс қаласы', ru: 'город Арысь', en: 'Arys City' } },
  { kato: '612000000', regionCode: 'KZ-61', kind: 'city', name: { kk: 'Кентау қаласы', ru: 'город Кентау', en: 'Kentau City' } },
  { kato: '613600000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Бәйдібек ауданы', ru: 'район Байдибека', en: 'Baidibek District' } },
  { kato: '613800000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Жетісай ауданы', ru: 'Жетысайский район', en: 'Zhetisai District' } },
  { kato: '613900000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Келес ауданы', ru: 'Келесский район', en: 'Keles District' } },
  { kato: '614000000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Қазығұрт ауданы', ru: 'Казыгуртский район', en: 'Kazygurt District' } },
  { kato: '614400000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Мақтаарал ауданы', ru: 'Мактааральский район', en: 'Maktaaral District' } },
  { kato: '614600000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Ордабасы ауданы', ru: 'Ордабасынский район', en: 'Ordabasy District' } },
  { kato: '614800000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Отырар ауданы', ru: 'Отрарский район', en: 'Otyrar District' } },
  { kato: '615200000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Сайрам ауданы', ru: 'Сайрамский район', en: 'Sairam District' } },
  { kato: '615400000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Сарыағаш ауданы', ru: 'Сарыагашский район', en: 'Saryagash District' } },
  { kato: '615500000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Сауран ауданы', ru: 'район Сауран', en: 'Sauran District' } },
  { kato: '615600000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Созақ ауданы', ru: 'Сузакский район', en: 'Sozak District' } },
  { kato: '615800000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Төлеби ауданы', ru: 'Толебийский район', en: 'Tolebi District' } },
  { kato: '616000000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Түлкібас ауданы', ru: 'Тюлькубасский район', en: 'Tulkibas District' } },
  { kato: '616400000', regionCode: 'KZ-61', kind: 'district', name: { kk: 'Шардара ауданы', ru: 'Шардаринский район', en: 'Shardara District' } },
  // KZ-62 Ulytau Region: 5
  { kato: '621000000', regionCode: 'KZ-62', kind: 'city', name: { kk: 'Жезқазған қаласы', ru: 'город Жезказган', en: 'Zhezkazgan City' } },
  { kato: '621800000', regionCode: 'KZ-62', kind: 'city', name: { kk: 'Қаражал қаласы', ru: 'город Каражал', en: 'Karazhal City' } },
  { kato: '622000000', regionCode: 'KZ-62', kind: 'city', name: { kk: 'Сәтбаев қаласы', ru: 'город Сатпаев', en: 'Satbayev City' } },
  { kato: '623600000', regionCode: 'KZ-62', kind: 'district', name: { kk: 'Жаңаарқа ауданы', ru: 'Жанааркинский район', en: 'Zhanaarka District' } },
  { kato: '623800000', regionCode: 'KZ-62', kind: 'district', name: { kk: 'Ұлытау ауданы', ru: 'Улытауский район', en: 'Ulytau District' } },
  // KZ-63 East Kazakhstan Region: 13
  { kato: '631000000', regionCode: 'KZ-63', kind: 'city', name: { kk: 'Өскемен қаласы', ru: 'город Усть-Каменогорск', en: 'Oskemen City' } },
  { kato: '632400000', regionCode: 'KZ-63', kind: 'city', name: { kk: 'Риддер қаласы', ru: 'город Риддер', en: 'Ridder City' } },
  { kato: '634000000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Глубокое ауданы', ru: 'Глубоковский район', en: 'Glubokoe District' } },
  { kato: '634600000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Зайсан ауданы', ru: 'Зайсанский район', en: 'Zaisan District' } },
  { kato: '634800000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Алтай ауданы', ru: 'район Алтай', en: 'Altai District' } },
  { kato: '635200000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Күршім ауданы', ru: 'Курчумский район', en: 'Kurshim District' } },
  { kato: '635400000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Катонқарағай ауданы', ru: 'Катон-Карагайский район', en: 'Katonkaragai District' } },
  { kato: '635500000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Марқакөл ауданы', ru: 'район Марқакөл', en: 'Markakol District' } },
  { kato: '635600000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Самар ауданы', ru: 'район Самар', en: 'Samar District' } },
  { kato: '635800000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Тарбағатай ауданы', ru: 'Тарбагатайский район', en: 'Tarbagatai District' } },
  { kato: '636200000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Ұлан ауданы', ru: 'Уланский район', en: 'Ulan District' } },
  { kato: '636300000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Үлкен Нарын ауданы', ru: 'район Үлкен Нарын', en: 'Ulken Naryn District' } },
  { kato: '636800000', regionCode: 'KZ-63', kind: 'district', name: { kk: 'Шемонаиха ауданы', ru: 'Шемонаихинский район', en: 'Shemonaikha District' } },
  // KZ-71 Astana: 6
  { kato: '711110000', regionCode: 'KZ-71', kind: 'district', name: { kk: 'Алматы ауданы', ru: 'район Алматы', en: 'Almaty District' } },
  { kato: '711210000', regionCode: 'KZ-71', kind: 'district', name: { kk: 'Есіл ауданы', ru: 'район Есиль', en: 'Esil District' } },
  { kato: '711310000', regionCode: 'KZ-71', kind: 'district', name: { kk: 'Сарыарқа ауданы', ru: 'район Сарыарка', en: 'Saryarka District' } },
  { kato: '711410000', regionCode: 'KZ-71', kind: 'district', name: { kk: 'Байқоңыр ауданы', ru: 'район Байқоңыр', en: 'Baikonyr District' } },
  { kato: '711510000', regionCode: 'KZ-71', kind: 'district', name: { kk: 'Нұра ауданы', ru: 'район Нұра', en: 'Nura District' } },
  { kato: '711610000', regionCode: 'KZ-71', kind: 'district', name: { kk: 'Сарайшық ауданы', ru: 'район Сарайшық', en: 'Saraishyk District' } },
  // KZ-75 Almaty: 8
  { kato: '751110000', regionCode: 'KZ-75', kind: 'district', name: { kk: 'Алмалы ауданы', ru: 'Алмалинский район', en: 'Almaly District' } },
  { kato: '751210000', regionCode: 'KZ-75', kind: 'district', name: { kk: 'Алатау ауданы', ru: 'Алатауский район', en: 'Alatau District' } },
  { kato: '751310000', regionCode: 'KZ-75', kind: 'district', name: { kk: 'Әуезов ауданы', ru: 'Ауэзовский район', en: 'Auezov District' } },
  { kato: '751410000', regionCode: 'KZ-75', kind: 'district', name: { kk: 'Бостандық ауданы', ru: 'Бостандыкский район', en: 'Bostandyk District' } },
  { kato: '751510000', regionCode: 'KZ-75', kind: 'district', name: { kk: 'Жетісу ауданы', ru: 'Жетысуский район', en: 'Zhetysu District' } },
  { kato: '751710000', regionCode: 'KZ-75', kind: 'district', name: { kk: 'Медеу ауданы', ru: 'Медеуский район', en: 'Medeu District' } },
  { kato: '751810000', regionCode: 'KZ-75', kind: 'district', name: { kk: 'Наурызбай ауданы', ru: 'Наурызбайский район', en: 'Nauryzbay District' } },
  { kato: '751910000', regionCode: 'KZ-75', kind: 'district', name: { kk: 'Түрксіб ауданы', ru: 'Турксибский район', en: 'Turksib District' } },
  // KZ-79 Shymkent: 5
  { kato: '791110000', regionCode: 'KZ-79', kind: 'district', name: { kk: 'Абай ауданы', ru: 'Абайский район', en: 'Abai District' } },
  { kato: '791310000', regionCode: 'KZ-79', kind: 'district', name: { kk: 'Әл-Фараби ауданы', ru: 'Аль-Фарабийский район', en: 'Al-Farabi District' } },
  { kato: '791510000', regionCode: 'KZ-79', kind: 'district', name: { kk: 'Еңбекші ауданы', ru: 'Енбекшинский район', en: 'Enbekshi District' } },
  { kato: '791710000', regionCode: 'KZ-79', kind: 'district', name: { kk: 'Қаратау ауданы', ru: 'Каратауский район', en: 'Karatau District' } },
  { kato: '791910000', regionCode: 'KZ-79', kind: 'district', name: { kk: 'Тұран ауданы', ru: 'район Тұран', en: 'Turan District' } },
];
