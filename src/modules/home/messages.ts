import { defineMessages } from '../../core/i18n/messages.ts';

export const homeMessages = defineMessages({
  en: {
    'home.title': 'Ortaq — the civil sector of Kazakhstan in one place',
    'home.lead': 'Find an NGO, see who received state grants and what their projects delivered, apply for support online, volunteer, or ask a civic centre for advice.',
    'home.figures': 'Ortaq today',
    'home.figures.note': 'Counted live from the register as of {time}.',
    'home.cta.organisations': 'Browse the register of organisations',
    'home.cta.signup': 'Create an account',
  },
  kk: {
    'home.title': 'Ortaq — Қазақстанның азаматтық секторы бір жерде',
    'home.lead': 'ҮЕҰ-ны табыңыз, мемлекеттік гранттарды кім алғанын және жобалары не бергенін көріңіз, қолдауға онлайн өтінім беріңіз, ерікті болыңыз немесе азаматтық орталықтан кеңес сұраңыз.',
    'home.figures': 'Ortaq бүгін',
    'home.figures.note': 'Тізілім бойынша {time} кезіндегі нақты сандар.',
    'home.cta.organisations': 'Ұйымдар тізілімін қарау',
    'home.cta.signup': 'Тіркелгі ашу',
  },
  ru: {
    'home.title': 'Ortaq — гражданский сектор Казахстана в одном месте',
    'home.lead': 'Найдите НПО, узнайте, кто получил государственные гранты и что дали их проекты, подайте заявку на поддержку онлайн, станьте волонтёром или получите консультацию гражданского центра.',
    'home.figures': 'Ortaq сегодня',
    'home.figures.note': 'Данные реестра на {time}.',
    'home.cta.organisations': 'Открыть реестр организаций',
    'home.cta.signup': 'Зарегистрироваться',
  },
});
