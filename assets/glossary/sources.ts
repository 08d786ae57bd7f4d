/**
 * Primary documents the entries cite, by title (Chinese titles as issued, with the date). No
 * addresses: official sites move their pages, and a title finds the document anywhere.
 */
import type { Source } from '../../utils/glossary/schema';

const doc = (title: string): Source => ({ title });

/** The glossary's check date, shared by every entry checked in this pass. */
export const LAST_CHECKED = '2026-11-28';

export const REPORT_15TH = doc(
  'Report to the 15th National Congress of the Communist Party of China (Jiang Zemin, September 1997)',
);
export const REPORT_16TH = doc(
  'Report to the 16th National Congress of the Communist Party of China (Jiang Zemin, November 2002)',
);
export const REPORT_17TH = doc(
  'Report to the 17th National Congress of the Communist Party of China (Hu Jintao, October 2007)',
);
export const REPORT_18TH = doc(
  'Report to the 18th National Congress of the Communist Party of China (Hu Jintao, November 2012)',
);
export const REPORT_19TH = doc(
  'Report to the 19th National Congress of the Communist Party of China (Xi Jinping, 18 October 2017)',
);
export const REPORT_20TH = doc(
  'Report to the 20th National Congress of the Communist Party of China (Xi Jinping, 16 October 2022)',
);
export const PARTY_CONSTITUTION = doc(
  '中国共产党章程 (Constitution of the Communist Party of China)',
);
export const STATE_CONSTITUTION = doc(
  '中华人民共和国宪法 (Constitution of the PRC, amended March 2018)',
);

export const DECISION_2013 = doc('中共中央关于全面深化改革若干重大问题的决定 (November 2013)');
export const DECISION_2014 = doc('中共中央关于全面推进依法治国若干重大问题的决定 (October 2014)');
export const DECISION_2019 = doc(
  '中共中央关于坚持和完善中国特色社会主义制度、推进国家治理体系和治理能力现代化若干重大问题的决定 (October 2019)',
);
export const RESOLUTION_2021 = doc(
  '中共中央关于党的百年奋斗重大成就和历史经验的决议 (November 2021)',
);
export const DECISION_2024 = doc(
  '中共中央关于进一步全面深化改革、推进中国式现代化的决定 (July 2024)',
);

export const FYP14_RECOMMENDATIONS = doc(
  '中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议 (October 2020)',
);
export const FYP14_OUTLINE = doc(
  '中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要 (March 2021)',
);
export const FYP15_RECOMMENDATIONS = doc(
  '中共中央关于制定国民经济和社会发展第十五个五年规划的建议 (October 2025)',
);
export const FYP15_OUTLINE = doc(
  '中华人民共和国国民经济和社会发展第十五个五年规划纲要 (approved by the NPC, March 2026)',
);

/** The State Council's annual report to the NPC. */
export function governmentWorkReport(year: number): Source {
  return doc(`政府工作报告 (Government Work Report, ${year})`);
}

export const EIGHT_POINT_RULES = doc(
  '中共中央政治局关于改进工作作风、密切联系群众的八项规定 (December 2012)',
);
export const BUSINESS_ENVIRONMENT_REGULATIONS = doc(
  '优化营商环境条例 (State Council, October 2019)',
);
export const UNIFIED_MARKET_OPINIONS = doc(
  '中共中央 国务院关于加快建设全国统一大市场的意见 (2022)',
);
export const WORK_SAFETY_LAW = doc('中华人民共和国安全生产法 (2002, amended 2014 and 2021)');
export const NATIONAL_SECURITY_LAW = doc('中华人民共和国国家安全法 (July 2015)');
export const SUPERVISION_LAW = doc('中华人民共和国监察法 (March 2018)');
export const PRIVATE_ECONOMY_LAW = doc('中华人民共和国民营经济促进法 (April 2025)');
export const ANTI_SECESSION_LAW = doc('反分裂国家法 (March 2005)');
export const HK_NATIONAL_SECURITY_LAW = doc(
  '中华人民共和国香港特别行政区维护国家安全法 (June 2020)',
);

export const BRI_VISION = doc(
  'Vision and Actions on Jointly Building Silk Road Economic Belt and 21st-Century Maritime Silk Road (NDRC, MFA and MOFCOM, March 2015)',
);
export const GSI_CONCEPT_PAPER = doc(
  'The Global Security Initiative Concept Paper (February 2023)',
);
export const XI_UNGA_2020 = doc(
  'Xi Jinping, statement at the general debate of the 75th UN General Assembly (22 September 2020)',
);
export const XI_UNGA_2021 = doc(
  'Xi Jinping, statement at the general debate of the 76th UN General Assembly (21 September 2021)',
);
export const XI_BOAO_2022 = doc(
  'Xi Jinping, keynote speech at the opening of the Boao Forum for Asia annual conference (21 April 2022)',
);
export const XI_DIALOGUE_2023 = doc(
  'Xi Jinping, keynote speech at the CPC in Dialogue with World Political Parties High-level Meeting (15 March 2023)',
);
export const XI_SCO_PLUS_2025 = doc(
  'Xi Jinping, speech at the "Shanghai Cooperation Organization Plus" meeting, Tianjin (1 September 2025)',
);
export const XI_CENTENARY_2021 = doc(
  'Xi Jinping, speech at the ceremony marking the centenary of the Communist Party of China (1 July 2021)',
);
