import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLexiconDir } from '../../functions/engine.js';
import { readCorpus } from '../../functions/eval/corpus.js';
import { macroOf } from '../../functions/eval/report.js';
import { predictionsOf, score } from '../../functions/eval/score.js';
import { engine } from '../core/engine-fixture.js';

// The goals of the engine issue, on labeled corpora: the shared dev corpus (beside the repository, in
// ../shared) and ads teammates wrote blind to the lexicons (tests/eval/fixtures/).
const corpora = [
  ['the dev corpus', resolve(defaultLexiconDir(), '../../shared/corpus/dev.jsonl')],
  ['the team-written corpus', join(import.meta.dirname, 'fixtures/team-written.jsonl')],
  ['the team-written colloquial corpus', join(import.meta.dirname, 'fixtures/team-written-colloquial.jsonl')],
  ['the team-written formal corpus', join(import.meta.dirname, 'fixtures/team-written-formal.jsonl')],
  ['the team-written evasive corpus', join(import.meta.dirname, 'fixtures/team-written-evasive.jsonl')],
  ['the team-written dev-style corpus', join(import.meta.dirname, 'fixtures/team-written-dev-style.jsonl')],
  ['the second team-written dev-style corpus', join(import.meta.dirname, 'fixtures/team-written-dev-style-2.jsonl')],
] as const;

// Corpora written blind to the rules for the detection issue, scored first-run (docs/measured.md) and fixed against as
// families since: their labellers disagree with dev on a few conventions (招转培 as fraud, 包就业), so the bar
// is the macro average and the decisions rather than every category (recall 0.90: questions such as 您是95后吗
// and two-letter initials such as hz stay out of reach).
const blindCorpora = [
  ['the blind real-board-style corpus', join(import.meta.dirname, 'fixtures/blind-real-board-style.jsonl')],
  ['the blind gig and scam corpus', join(import.meta.dirname, 'fixtures/blind-gig-scam.jsonl')],
  ['the blind small-business corpus', join(import.meta.dirname, 'fixtures/blind-small-business.jsonl')],
  ['the blind campus corpus', join(import.meta.dirname, 'fixtures/blind-campus.jsonl')],
  ['the blind platform-queue corpus', join(import.meta.dirname, 'fixtures/blind-platform-queue.jsonl')],
  ['the second blind evasive corpus', join(import.meta.dirname, 'fixtures/blind-evasive-2.jsonl')],
  ['the blind regional-inbox corpus (written after the model)', join(import.meta.dirname, 'fixtures/blind-regional-inbox.jsonl')],
  ['the blind structured corpus (posting-form fields and completeness)', join(import.meta.dirname, 'fixtures/blind-structured.jsonl')],
  ['the blind service-chain corpus (written after the model was retrained)', join(import.meta.dirname, 'fixtures/blind-service-chains.jsonl')],
  ['the blind public-notice corpus (written after the model was retrained)', join(import.meta.dirname, 'fixtures/blind-public-notices.jsonl')],
  ['the blind care and health corpus', join(import.meta.dirname, 'fixtures/blind-care-health.jsonl')],
  ['the blind sales and agents corpus', join(import.meta.dirname, 'fixtures/blind-sales-agents.jsonl')],
  ['the blind general-mix corpus', join(import.meta.dirname, 'fixtures/blind-general-mix.jsonl')],
  ['the blind hospitality corpus', join(import.meta.dirname, 'fixtures/blind-hospitality.jsonl')],
  ['the blind livestream and e-commerce corpus', join(import.meta.dirname, 'fixtures/blind-livestream.jsonl')],
  ['200 real ads labelled blind', join(import.meta.dirname, 'fixtures/blind-real-sample.jsonl')],
  ['the blind factory and logistics corpus', join(import.meta.dirname, 'fixtures/blind-factory-logistics.jsonl')],
  ['the blind education corpus', join(import.meta.dirname, 'fixtures/blind-education.jsonl')],
  ['the blind overseas and agency corpus', join(import.meta.dirname, 'fixtures/blind-overseas-agencies.jsonl')],
  ['the blind office and technology corpus', join(import.meta.dirname, 'fixtures/blind-office-tech.jsonl')],
  ['the blind entertainment corpus', join(import.meta.dirname, 'fixtures/blind-entertainment.jsonl')],
  ['the blind county and rural corpus', join(import.meta.dirname, 'fixtures/blind-county-rural.jsonl')],
  ['the blind traditional-script corpus', join(import.meta.dirname, 'fixtures/blind-traditional-script.jsonl')],
  ['the blind platform-gig corpus', join(import.meta.dirname, 'fixtures/blind-platform-gigs.jsonl')],
  ['the blind security and property corpus', join(import.meta.dirname, 'fixtures/blind-security-property.jsonl')],
  ['the blind construction-trades corpus', join(import.meta.dirname, 'fixtures/blind-construction-trades.jsonl')],
  ['the blind domestic-services corpus', join(import.meta.dirname, 'fixtures/blind-domestic-services.jsonl')],
  ['the blind bilingual-firms corpus', join(import.meta.dirname, 'fixtures/blind-bilingual-firms.jsonl')],
  ['the blind social-captions corpus', join(import.meta.dirname, 'fixtures/blind-social-captions.jsonl')],
  ['the blind beauty-fitness corpus', join(import.meta.dirname, 'fixtures/blind-beauty-fitness.jsonl')],
  ['the blind finance-loans corpus', join(import.meta.dirname, 'fixtures/blind-finance-loans.jsonl')],
  ['the blind auto-services corpus', join(import.meta.dirname, 'fixtures/blind-auto-services.jsonl')],
  ['the blind tourism-sports corpus', join(import.meta.dirname, 'fixtures/blind-tourism-sports.jsonl')],
  ['the blind classified-terse corpus', join(import.meta.dirname, 'fixtures/blind-classified-terse.jsonl')],
  ['the blind freelance-creative corpus', join(import.meta.dirname, 'fixtures/blind-freelance-creative.jsonl')],
  ['the blind Cantonese corpus', join(import.meta.dirname, 'fixtures/blind-cantonese-posts.jsonl')],
  ['the blind north-eastern corpus', join(import.meta.dirname, 'fixtures/blind-northeast-colloquial.jsonl')],
  ['the blind internship-schemes corpus', join(import.meta.dirname, 'fixtures/blind-internship-schemes.jsonl')],
  ['the blind seafarers corpus', join(import.meta.dirname, 'fixtures/blind-seafarers-maritime.jsonl')],
  ['the blind western-regions corpus', join(import.meta.dirname, 'fixtures/blind-western-regions.jsonl')],
  ['the blind real-estate corpus', join(import.meta.dirname, 'fixtures/blind-real-estate.jsonl')],
  ['the blind retail-chains corpus', join(import.meta.dirname, 'fixtures/blind-retail-chains.jsonl')],
  ['the blind medical-pharmacy corpus', join(import.meta.dirname, 'fixtures/blind-medical-pharmacy.jsonl')],
  ['the blind childcare corpus', join(import.meta.dirname, 'fixtures/blind-childcare-early.jsonl')],
  ['the blind logistics and app-gig corpus', join(import.meta.dirname, 'fixtures/blind-logistics-gigs.jsonl')],
  ['the blind re-employment and older-workers corpus', join(import.meta.dirname, 'fixtures/blind-reemployment-older.jsonl')],
  ['the blind inclusive-employers corpus', join(import.meta.dirname, 'fixtures/blind-inclusive-employers.jsonl')],
  ['the blind transport-crew corpus', join(import.meta.dirname, 'fixtures/blind-transport-crew.jsonl')],
  ['the blind recruiter-chats corpus', join(import.meta.dirname, 'fixtures/blind-recruiter-chats.jsonl')],
  ['the blind job-fair booklets corpus', join(import.meta.dirname, 'fixtures/blind-jobfair-booklets.jsonl')],
  ['the blind student-gigs corpus', join(import.meta.dirname, 'fixtures/blind-student-gigs.jsonl')],
  ['the blind heavy-industry corpus', join(import.meta.dirname, 'fixtures/blind-heavy-industry.jsonl')],
  ['the blind state-owned campus corpus', join(import.meta.dirname, 'fixtures/blind-soe-campus.jsonl')],
  ['the blind Singapore and Malaysia corpus', join(import.meta.dirname, 'fixtures/blind-overseas-chinese.jsonl')],
  ['the blind OCR-notices corpus', join(import.meta.dirname, 'fixtures/blind-ocr-notices.jsonl')],
  ['the blind franchise-disguised corpus', join(import.meta.dirname, 'fixtures/blind-franchise-disguised.jsonl')],
  ['the second blind mixed-queue corpus', join(import.meta.dirname, 'fixtures/blind-mixed-queue-2.jsonl')],
  ['the blind HR-templates corpus', join(import.meta.dirname, 'fixtures/blind-hr-templates.jsonl')],
  ['the blind village-voice corpus', join(import.meta.dirname, 'fixtures/blind-village-voice.jsonl')],
  ['the blind wedding-studios corpus', join(import.meta.dirname, 'fixtures/blind-wedding-studios.jsonl')],
  ['the blind remote-work corpus', join(import.meta.dirname, 'fixtures/blind-remote-work.jsonl')],
  ['the blind esports-gaming corpus', join(import.meta.dirname, 'fixtures/blind-esports-gaming.jsonl')],
  ['the blind events-hostess corpus', join(import.meta.dirname, 'fixtures/blind-events-hostess.jsonl')],
  ['the blind cross-border e-commerce corpus', join(import.meta.dirname, 'fixtures/blind-crossborder-ecom.jsonl')],
  ['the blind professional-firms corpus', join(import.meta.dirname, 'fixtures/blind-professional-firms.jsonl')],
  ['the blind Japanese/Korean-firms corpus', join(import.meta.dirname, 'fixtures/blind-jp-kr-firms.jsonl')],
  ['the blind gig-cards corpus', join(import.meta.dirname, 'fixtures/blind-gig-cards.jsonl')],
  ['the blind seasonal-farm corpus', join(import.meta.dirname, 'fixtures/blind-agri-seasonal.jsonl')],
  ['the blind faith-food-culture corpus', join(import.meta.dirname, 'fixtures/blind-faith-food-culture.jsonl')],
  ['the blind Sichuan-dialect corpus', join(import.meta.dirname, 'fixtures/blind-sichuan-dialect.jsonl')],
  ['the blind data-annotation corpus', join(import.meta.dirname, 'fixtures/blind-data-annotation.jsonl')],
  ['the blind research-labs corpus', join(import.meta.dirname, 'fixtures/blind-research-labs.jsonl')],
  ['the blind special-fairs corpus', join(import.meta.dirname, 'fixtures/blind-special-fairs.jsonl')],
  ['the blind pets-vets corpus', join(import.meta.dirname, 'fixtures/blind-pets-vets.jsonl')],
  ['the blind table-exports corpus', join(import.meta.dirname, 'fixtures/blind-table-exports.jsonl')],
  ['the blind headhunter-exec corpus', join(import.meta.dirname, 'fixtures/blind-headhunter-exec.jsonl')],
  ['the blind social-work-ngo corpus', join(import.meta.dirname, 'fixtures/blind-social-work-ngo.jsonl')],
  ['the blind school-support corpus', join(import.meta.dirname, 'fixtures/blind-school-support.jsonl')],
  ['the blind film-extras corpus', join(import.meta.dirname, 'fixtures/blind-film-extras.jsonl')],
  ['the blind livestream-hiring corpus', join(import.meta.dirname, 'fixtures/blind-livestream-hiring.jsonl')],
  ['the blind defence-aerospace corpus', join(import.meta.dirname, 'fixtures/blind-defence-aerospace.jsonl')],
  ['the blind Greater-Bay-Area corpus', join(import.meta.dirname, 'fixtures/blind-gba-crossborder.jsonl')],
  ['the blind AI-written corpus', join(import.meta.dirname, 'fixtures/blind-ai-polished.jsonl')],
  ['the blind questions-and-answers corpus', join(import.meta.dirname, 'fixtures/blind-faq-format.jsonl')],
  ['the blind insurance-finance corpus', join(import.meta.dirname, 'fixtures/blind-insurance-finance.jsonl')],
  ['the blind mining-energy corpus', join(import.meta.dirname, 'fixtures/blind-mining-energy.jsonl')],
  ['the blind scrape-noise corpus', join(import.meta.dirname, 'fixtures/blind-scrape-noise.jsonl')],
  ['the blind quoted-violations corpus', join(import.meta.dirname, 'fixtures/blind-quoted-violations.jsonl')],
  ['the blind community-posts corpus', join(import.meta.dirname, 'fixtures/blind-community-posts.jsonl')],
  ['the blind machine-translated corpus', join(import.meta.dirname, 'fixtures/blind-machine-translated.jsonl')],
  ['the blind rhymed-slogans corpus', join(import.meta.dirname, 'fixtures/blind-rhymed-slogans.jsonl')],
  ['the blind numeral-forms corpus', join(import.meta.dirname, 'fixtures/blind-numeral-forms.jsonl')],
  ['the blind Gen-Z slang corpus', join(import.meta.dirname, 'fixtures/blind-genz-slang.jsonl')],
  ['the blind footnote-conditions corpus', join(import.meta.dirname, 'fixtures/blind-footnote-conditions.jsonl')],
  ['the blind SMS-spam corpus', join(import.meta.dirname, 'fixtures/blind-sms-spam.jsonl')],
  ['the blind contract-terms corpus', join(import.meta.dirname, 'fixtures/blind-contract-terms.jsonl')],
  ['the blind WeChat-articles corpus', join(import.meta.dirname, 'fixtures/blind-wechat-articles.jsonl')],
  ['the blind negation-contrast corpus', join(import.meta.dirname, 'fixtures/blind-negation-contrast.jsonl')],
  ['the blind title-conditions corpus', join(import.meta.dirname, 'fixtures/blind-title-conditions.jsonl')],
  ['the blind law-citing corpus', join(import.meta.dirname, 'fixtures/blind-law-citing.jsonl')],
  ['the blind symbol-conditions corpus', join(import.meta.dirname, 'fixtures/blind-symbol-conditions.jsonl')],
  ['the blind birth-years corpus', join(import.meta.dirname, 'fixtures/blind-birth-years.jsonl')],
  ['the blind euphemism-indirect corpus', join(import.meta.dirname, 'fixtures/blind-euphemism-indirect.jsonl')],
  ['the blind referral-posts corpus', join(import.meta.dirname, 'fixtures/blind-referral-posts.jsonl')],
  ['the blind literary-register corpus', join(import.meta.dirname, 'fixtures/blind-literary-register.jsonl')],
  ['the blind multi-position corpus', join(import.meta.dirname, 'fixtures/blind-multi-position.jsonl')],
  ['the blind typo-heavy corpus', join(import.meta.dirname, 'fixtures/blind-typo-heavy.jsonl')],
  ['the blind long-corporate-jd corpus', join(import.meta.dirname, 'fixtures/blind-long-corporate-jd.jsonl')],
  ['the blind seeker-mixed corpus', join(import.meta.dirname, 'fixtures/blind-seeker-mixed.jsonl')],
  ['the blind money-flows corpus', join(import.meta.dirname, 'fixtures/blind-money-flows.jsonl')],
  ['the blind tender-staffing corpus', join(import.meta.dirname, 'fixtures/blind-tender-staffing.jsonl')],
  ['the blind occupational-requirements corpus', join(import.meta.dirname, 'fixtures/blind-occupational-requirements.jsonl')],
  ['the blind salary-structures corpus', join(import.meta.dirname, 'fixtures/blind-salary-structures.jsonl')],
  ['the blind scam-genres-2026 corpus', join(import.meta.dirname, 'fixtures/blind-scam-genres-2026.jsonl')],
  ['the blind micro-posts corpus', join(import.meta.dirname, 'fixtures/blind-micro-posts.jsonl')],
  ['the blind priority-groups corpus', join(import.meta.dirname, 'fixtures/blind-priority-groups.jsonl')],
  ['the blind wu-dialect corpus', join(import.meta.dirname, 'fixtures/blind-wu-dialect.jsonl')],
  ['the blind hedged-conditions corpus', join(import.meta.dirname, 'fixtures/blind-hedged-conditions.jsonl')],
  ['the blind faith-ethnicity-focus corpus', join(import.meta.dirname, 'fixtures/blind-faith-ethnicity-focus.jsonl')],
  ['the blind central-plains-dialect corpus', join(import.meta.dirname, 'fixtures/blind-central-plains-dialect.jsonl')],
  ['the blind labor-terms-heavy corpus', join(import.meta.dirname, 'fixtures/blind-labor-terms-heavy.jsonl')],
  ['the blind child-safety-roles corpus', join(import.meta.dirname, 'fixtures/blind-child-safety-roles.jsonl')],
  ['the blind mental-health corpus', join(import.meta.dirname, 'fixtures/blind-mental-health.jsonl')],
  ['the blind campus-2026 corpus', join(import.meta.dirname, 'fixtures/blind-campus-2026.jsonl')],
  ['the blind border-workers corpus', join(import.meta.dirname, 'fixtures/blind-border-workers.jsonl')],
  ['the blind form-field-text corpus', join(import.meta.dirname, 'fixtures/blind-form-field-text.jsonl')],
  ['the blind disability-focus corpus', join(import.meta.dirname, 'fixtures/blind-disability-focus.jsonl')],
  ['the blind xiang-gan-colloquial corpus', join(import.meta.dirname, 'fixtures/blind-xiang-gan-colloquial.jsonl')],
  ['the blind minnan-hakka corpus', join(import.meta.dirname, 'fixtures/blind-minnan-hakka.jsonl')],
  ['the blind compound-conditions corpus', join(import.meta.dirname, 'fixtures/blind-compound-conditions.jsonl')],
  ['the blind guizhou-yunnan-colloquial corpus', join(import.meta.dirname, 'fixtures/blind-guizhou-yunnan-colloquial.jsonl')],
  ['the blind shaanxi-shanxi-dialect corpus', join(import.meta.dirname, 'fixtures/blind-shaanxi-shanxi-dialect.jsonl')],
  ['the blind religious-sites-and-funeral corpus', join(import.meta.dirname, 'fixtures/blind-religious-sites-and-funeral.jsonl')],
  ['the blind clinical-trial-and-volunteer corpus', join(import.meta.dirname, 'fixtures/blind-clinical-trial-and-volunteer.jsonl')],
  ['the blind retro-classifieds-2000s corpus', join(import.meta.dirname, 'fixtures/blind-retro-classifieds-2000s.jsonl')],
  ['the blind tianjin-jianghuai-speech corpus', join(import.meta.dirname, 'fixtures/blind-tianjin-jianghuai-speech.jsonl')],
  ['the blind holiday-peak-temps corpus', join(import.meta.dirname, 'fixtures/blind-holiday-peak-temps.jsonl')],
  ['the blind unpunctuated-runon corpus', join(import.meta.dirname, 'fixtures/blind-unpunctuated-runon.jsonl')],
  ['the blind family-planning-focus corpus', join(import.meta.dirname, 'fixtures/blind-family-planning-focus.jsonl')],
  ['the blind shandong-hebei-speech corpus', join(import.meta.dirname, 'fixtures/blind-shandong-hebei-speech.jsonl')],
  ['the blind age-euphemisms corpus', join(import.meta.dirname, 'fixtures/blind-age-euphemisms.jsonl')],
  ['the blind apprenticeships-and-trade-schools corpus', join(import.meta.dirname, 'fixtures/blind-apprenticeships-and-trade-schools.jsonl')],
  ['the blind background-and-credit-checks corpus', join(import.meta.dirname, 'fixtures/blind-background-and-credit-checks.jsonl')],
  ['the blind sports-coaching-lifeguards corpus', join(import.meta.dirname, 'fixtures/blind-sports-coaching-lifeguards.jsonl')],
  ['the blind massage-spa-footbath corpus', join(import.meta.dirname, 'fixtures/blind-massage-spa-footbath.jsonl')],
  ['the blind northwest-gansu-ningxia corpus', join(import.meta.dirname, 'fixtures/blind-northwest-gansu-ningxia.jsonl')],
  ['the blind personal-traits-and-superstitions corpus', join(import.meta.dirname, 'fixtures/blind-personal-traits-and-superstitions.jsonl')],
  ['the blind drinking-and-entertaining-clients corpus', join(import.meta.dirname, 'fixtures/blind-drinking-and-entertaining-clients.jsonl')],
  ['the blind hubei-wuhan-speech corpus', join(import.meta.dirname, 'fixtures/blind-hubei-wuhan-speech.jsonl')],
  ['the blind livestock-farms-biosecurity corpus', join(import.meta.dirname, 'fixtures/blind-livestock-farms-biosecurity.jsonl')],
  ['the blind aquaculture-seafood-processing corpus', join(import.meta.dirname, 'fixtures/blind-aquaculture-seafood-processing.jsonl')],
  ['the blind student-union-and-club-recruiting corpus', join(import.meta.dirname, 'fixtures/blind-student-union-and-club-recruiting.jsonl')],
  ['the blind fake-civil-service-placement corpus', join(import.meta.dirname, 'fixtures/blind-fake-civil-service-placement.jsonl')],
  ['the blind guangxi-hainan-speech corpus', join(import.meta.dirname, 'fixtures/blind-guangxi-hainan-speech.jsonl')],
  ['the blind double-negation-conditions corpus', join(import.meta.dirname, 'fixtures/blind-double-negation-conditions.jsonl')],
  ['the blind new-energy-factories corpus', join(import.meta.dirname, 'fixtures/blind-new-energy-factories.jsonl')],
  ['the blind quota-and-ratio-conditions corpus', join(import.meta.dirname, 'fixtures/blind-quota-and-ratio-conditions.jsonl')],
  ['the blind debt-collection-and-telesales corpus', join(import.meta.dirname, 'fixtures/blind-debt-collection-and-telesales.jsonl')],
  ['the blind matchmaking-and-dating-platforms corpus', join(import.meta.dirname, 'fixtures/blind-matchmaking-and-dating-platforms.jsonl')],
  ['the blind private-household-employers corpus', join(import.meta.dirname, 'fixtures/blind-private-household-employers.jsonl')],
  ['the blind startup-996-hype corpus', join(import.meta.dirname, 'fixtures/blind-startup-996-hype.jsonl')],
  ['the blind candidate-personas corpus', join(import.meta.dirname, 'fixtures/blind-candidate-personas.jsonl')],
  ['the blind high-risk-special-operations corpus', join(import.meta.dirname, 'fixtures/blind-high-risk-special-operations.jsonl')],
  ['the blind medical-aesthetics-clinics corpus', join(import.meta.dirname, 'fixtures/blind-medical-aesthetics-clinics.jsonl')],
  ['the blind internal-promotion-notices corpus', join(import.meta.dirname, 'fixtures/blind-internal-promotion-notices.jsonl')],
  ['the blind non-native-writers corpus', join(import.meta.dirname, 'fixtures/blind-non-native-writers.jsonl')],
  ['the blind beijing-speech corpus', join(import.meta.dirname, 'fixtures/blind-beijing-speech.jsonl')],
  ['the blind short-term-public-temp-work corpus', join(import.meta.dirname, 'fixtures/blind-short-term-public-temp-work.jsonl')],
  ['the blind conditions-in-perks-and-logistics corpus', join(import.meta.dirname, 'fixtures/blind-conditions-in-perks-and-logistics.jsonl')],
  ['the blind comparatives-and-rankings corpus', join(import.meta.dirname, 'fixtures/blind-comparatives-and-rankings.jsonl')],
  ['the blind taiwan-usage corpus', join(import.meta.dirname, 'fixtures/blind-taiwan-usage.jsonl')],
  ['the blind web3-crypto-jobs corpus', join(import.meta.dirname, 'fixtures/blind-web3-crypto-jobs.jsonl')],
  ['the blind labour-dispatch-companies corpus', join(import.meta.dirname, 'fixtures/blind-labour-dispatch-companies.jsonl')],
  ['the blind airport-railway-ground-staff corpus', join(import.meta.dirname, 'fixtures/blind-airport-railway-ground-staff.jsonl')],
  ['the blind restaurant-kitchens-and-chefs corpus', join(import.meta.dirname, 'fixtures/blind-restaurant-kitchens-and-chefs.jsonl')],
  ['the blind luxury-retail-and-fashion corpus', join(import.meta.dirname, 'fixtures/blind-luxury-retail-and-fashion.jsonl')],
  ['the blind subsidised-training-programmes corpus', join(import.meta.dirname, 'fixtures/blind-subsidised-training-programmes.jsonl')],
  ['the blind sanitation-and-street-cleaning corpus', join(import.meta.dirname, 'fixtures/blind-sanitation-and-street-cleaning.jsonl')],
  ['the blind short-video-voiceover-scripts corpus', join(import.meta.dirname, 'fixtures/blind-short-video-voiceover-scripts.jsonl')],
  ['the blind day-labour-markets corpus', join(import.meta.dirname, 'fixtures/blind-day-labour-markets.jsonl')],
  ['the blind lottery-and-mahjong-venues corpus', join(import.meta.dirname, 'fixtures/blind-lottery-and-mahjong-venues.jsonl')],
  ['the blind translation-and-language-services corpus', join(import.meta.dirname, 'fixtures/blind-translation-and-language-services.jsonl')],
  ['the blind comment-section-replies corpus', join(import.meta.dirname, 'fixtures/blind-comment-section-replies.jsonl')],
  ['the blind moving-install-and-home-repair corpus', join(import.meta.dirname, 'fixtures/blind-moving-install-and-home-repair.jsonl')],
  ['the blind bakery-coffee-and-tea-shops corpus', join(import.meta.dirname, 'fixtures/blind-bakery-coffee-and-tea-shops.jsonl')],
  ['the blind cold-chain-and-night-shift-warehouses corpus', join(import.meta.dirname, 'fixtures/blind-cold-chain-and-night-shift-warehouses.jsonl')],
  ['the blind tattoo-barber-and-nail-studios corpus', join(import.meta.dirname, 'fixtures/blind-tattoo-barber-and-nail-studios.jsonl')],
  ['the blind new-store-mass-openings corpus', join(import.meta.dirname, 'fixtures/blind-new-store-mass-openings.jsonl')],
  ['the blind post-rejection-resubmissions corpus', join(import.meta.dirname, 'fixtures/blind-post-rejection-resubmissions.jsonl')],
  ['the blind receptionists-and-admin-assistants corpus', join(import.meta.dirname, 'fixtures/blind-receptionists-and-admin-assistants.jsonl')],
  ['the blind bank-and-telecom-counter-staff corpus', join(import.meta.dirname, 'fixtures/blind-bank-and-telecom-counter-staff.jsonl')],
  ['the blind banquet-and-catering-temps corpus', join(import.meta.dirname, 'fixtures/blind-banquet-and-catering-temps.jsonl')],
  ['the blind driving-school-instructors corpus', join(import.meta.dirname, 'fixtures/blind-driving-school-instructors.jsonl')],
  ['the blind parents-hiring-tutors corpus', join(import.meta.dirname, 'fixtures/blind-parents-hiring-tutors.jsonl')],
  ['the blind security-screening-staff corpus', join(import.meta.dirname, 'fixtures/blind-security-screening-staff.jsonl')],
  ['the blind scoring-rubrics corpus', join(import.meta.dirname, 'fixtures/blind-scoring-rubrics.jsonl')],
  ['the blind street-flyers corpus', join(import.meta.dirname, 'fixtures/blind-street-flyers.jsonl')],
  ['the blind rhetorical-questions corpus', join(import.meta.dirname, 'fixtures/blind-rhetorical-questions.jsonl')],
  ['the blind couples-and-family-teams corpus', join(import.meta.dirname, 'fixtures/blind-couples-and-family-teams.jsonl')],
  ['the blind night-market-stalls corpus', join(import.meta.dirname, 'fixtures/blind-night-market-stalls.jsonl')],
  ['the blind model-contests-and-pageants corpus', join(import.meta.dirname, 'fixtures/blind-model-contests-and-pageants.jsonl')],
  ['the blind hashtag-conditions corpus', join(import.meta.dirname, 'fixtures/blind-hashtag-conditions.jsonl')],
] as const;

const scoreOf = (corpusPath: string) => score(readCorpus(corpusPath), predictionsOf(engine));

describe.each(blindCorpora)('quality on %s', (_, corpusPath) => {
  const result = scoreOf(corpusPath);
  const macro = (k: 'precision' | 'recall') => macroOf(result, k);
  it('has macro precision ≥ 0.95 and recall ≥ 0.90, decides 95% of the ads as labeled, and at most one clean ad has a finding', () => {
    expect(macro('precision')).toBeGreaterThanOrEqual(0.95);
    expect(macro('recall')).toBeGreaterThanOrEqual(0.9);
    expect(result.decisionAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.cleanWithFindings.length).toBeLessThanOrEqual(1);
  });
});

// Corpora fixed as families only in part hold what is fixed: the labour-agency corpus (scored first-run at macro R
// 0.81; bare age ranges, space-separated items, agencies' perks and disclaimers fixed), differential terms (pay
// tables by group read in part), group buying, employers' anecdotes and per-site lists (two clean ads flagged each).
const partlyFixedCorpora = ['agency-posts', 'differential-pay-and-terms-by-group', 'community-group-buying-and-side-hustles', 'anecdotes-about-past-hires', 'per-location-conditions'];
describe.each(partlyFixedCorpora)('quality on the blind %s corpus (fixed in part)', (name) => {
  const result = scoreOf(join(import.meta.dirname, `fixtures/blind-${name}.jsonl`));
  const macro = (k: 'precision' | 'recall') => macroOf(result, k);
  it('keeps macro precision ≥ 0.95 and recall ≥ 0.85, decides 90% as labeled, at most two clean ads with a finding', () => {
    expect(macro('precision')).toBeGreaterThanOrEqual(0.95);
    expect(macro('recall')).toBeGreaterThanOrEqual(0.85);
    expect(result.decisionAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.cleanWithFindings.length).toBeLessThanOrEqual(2);
  });
});


// 1,349 more real ads labelled blind, about 150 per writer. Most of their categories hold one to three labels, so the
// macro average swings on a single judgement of a pay lure (高薪 in a title, an average income quoted, a course's
// fee read as fraud); the bar is on every label together, the decisions and the clean ads. Two writers' conventions
// contradict the others' on a few ads (courses sold as jobs labelled a fee where others and the detection issue call
// them fraud; 轻轻松松赚钱 and insurance only after 转正 left unlabelled): their bar holds what they agree on.
const AGREED = { recall: 0.9, precision: 0.95, clean: 0 };
const CONTRADICTED = { recall: 0.85, precision: 0.9, clean: 2 };
const realSample = (n: number) => join(import.meta.dirname, `fixtures/blind-real-sample-${n}.jsonl`);
describe.each([
  ['real sample 2', realSample(2), AGREED],
  ['real sample 3', realSample(3), AGREED],
  ['real sample 4', realSample(4), AGREED],
  ['real sample 5', realSample(5), AGREED],
  ['real sample 6', realSample(6), AGREED],
  ['real sample 7', realSample(7), AGREED],
  ['real sample 8', realSample(8), CONTRADICTED],
  ['real sample 9', realSample(9), CONTRADICTED],
  ['real sample 10 (the last 149 real ads)', realSample(10), AGREED],
] as const)('quality on %s, labelled blind', (_, corpusPath, bar) => {
  const result = scoreOf(corpusPath);
  const total = (k: 'tp' | 'fp' | 'fn') => result.categories.reduce((n, c) => n + c[k], 0);
  it(`finds ${bar.recall * 100}% of the labels at micro precision ≥ ${bar.precision}, decides 97% as labeled, flags at most ${bar.clean} clean ads`, () => {
    expect(total('tp') / (total('tp') + total('fn'))).toBeGreaterThanOrEqual(bar.recall);
    expect(total('tp') / (total('tp') + total('fp'))).toBeGreaterThanOrEqual(bar.precision);
    expect(result.decisionAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(result.cleanWithFindings.length).toBeLessThanOrEqual(bar.clean);
  });
});

describe.each(corpora)('quality on %s', (_, corpusPath) => {
  const result = existsSync(corpusPath) ? scoreOf(corpusPath) : undefined;
  if (!result) {
    it.skip(`${corpusPath} is not there`, () => {});
    return;
  }

  it.each(result.categories.map((c) => [c.category, c] as const))('%s: precision and recall ≥ 0.95', (_, c) => {
    expect(c.precision).toBeGreaterThanOrEqual(0.95);
    expect(c.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('decides at least 95% of the ads as labeled and finds nothing on clean ads', () => {
    expect(result.decisionAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.cleanWithFindings).toEqual([]);
  });
});
