import type { Locale } from "./config";
import enAccount from "./messages/en/account.json";
import enComplaints from "./messages/en/complaints.json";
import enCompliance from "./messages/en/compliance.json";
import enCore from "./messages/en/core.json";
import enDashboard from "./messages/en/dashboard.json";
import enFiles from "./messages/en/files.json";
import enGoodsPasses from "./messages/en/goodspasses.json";
import enGate from "./messages/en/gate.json";
import enGoodsLists from "./messages/en/goodslists.json";
import enInspections from "./messages/en/inspections.json";
import enNotifications from "./messages/en/notifications.json";
import enPlaces from "./messages/en/places.json";
import enRegistry from "./messages/en/registry.json";
import enWorkOrders from "./messages/en/workorders.json";
import enNewspapers from "./messages/en/newspapers.json";
import enVacant from "./messages/en/vacant.json";
import enMeetings from "./messages/en/meetings.json";
import enMeetingReports from "./messages/en/meetingreports.json";
import enNewspaperReports from "./messages/en/newspaperreports.json";
import enChatChannels from "./messages/en/chatchannels.json";
import enCleaningSupervision from "./messages/en/cleaningsupervision.json";
import enFoundItems from "./messages/en/founditems.json";
import enWaste from "./messages/en/waste.json";
import enSpecialServices from "./messages/en/specialservices.json";
import enContractors from "./messages/en/contractors.json";
import enSurveys from "./messages/en/surveys.json";
import enContractorReports from "./messages/en/contractorreports.json";
import zhAccount from "./messages/zh-CN/account.json";
import zhComplaints from "./messages/zh-CN/complaints.json";
import zhCompliance from "./messages/zh-CN/compliance.json";
import zhCore from "./messages/zh-CN/core.json";
import zhDashboard from "./messages/zh-CN/dashboard.json";
import zhFiles from "./messages/zh-CN/files.json";
import zhGoodsPasses from "./messages/zh-CN/goodspasses.json";
import zhGate from "./messages/zh-CN/gate.json";
import zhGoodsLists from "./messages/zh-CN/goodslists.json";
import zhInspections from "./messages/zh-CN/inspections.json";
import zhNotifications from "./messages/zh-CN/notifications.json";
import zhPlaces from "./messages/zh-CN/places.json";
import zhRegistry from "./messages/zh-CN/registry.json";
import zhWorkOrders from "./messages/zh-CN/workorders.json";
import zhNewspapers from "./messages/zh-CN/newspapers.json";
import zhVacant from "./messages/zh-CN/vacant.json";
import zhMeetings from "./messages/zh-CN/meetings.json";
import zhMeetingReports from "./messages/zh-CN/meetingreports.json";
import zhNewspaperReports from "./messages/zh-CN/newspaperreports.json";
import zhChatChannels from "./messages/zh-CN/chatchannels.json";
import zhCleaningSupervision from "./messages/zh-CN/cleaningsupervision.json";
import zhFoundItems from "./messages/zh-CN/founditems.json";
import zhWaste from "./messages/zh-CN/waste.json";
import zhSpecialServices from "./messages/zh-CN/specialservices.json";
import zhContractors from "./messages/zh-CN/contractors.json";
import zhSurveys from "./messages/zh-CN/surveys.json";
import zhContractorReports from "./messages/zh-CN/contractorreports.json";

// Messages are split by area so modules can add their own file; zh-CN is the reference language.
const zhCN = {
  ...zhCore,
  ...zhComplaints,
  ...zhDashboard,
  ...zhRegistry,
  ...zhAccount,
  ...zhPlaces,
  ...zhNotifications,
  ...zhFiles,
  ...zhInspections,
  ...zhWorkOrders,
  ...zhCompliance,
  ...zhGoodsPasses,
  ...zhGate,
  ...zhGoodsLists,
  ...zhNewspapers,
  ...zhVacant,
  ...zhMeetings,
  ...zhMeetingReports,
  ...zhNewspaperReports,
  ...zhChatChannels,
  ...zhCleaningSupervision,
  ...zhFoundItems,
  ...zhWaste,
  ...zhSpecialServices,
  ...zhContractors,
  ...zhSurveys,
  ...zhContractorReports,
};
const en = {
  ...enCore,
  ...enComplaints,
  ...enDashboard,
  ...enRegistry,
  ...enAccount,
  ...enPlaces,
  ...enNotifications,
  ...enFiles,
  ...enInspections,
  ...enWorkOrders,
  ...enCompliance,
  ...enGoodsPasses,
  ...enGate,
  ...enGoodsLists,
  ...enNewspapers,
  ...enVacant,
  ...enMeetings,
  ...enMeetingReports,
  ...enNewspaperReports,
  ...enChatChannels,
  ...enCleaningSupervision,
  ...enFoundItems,
  ...enWaste,
  ...enSpecialServices,
  ...enContractors,
  ...enSurveys,
  ...enContractorReports,
};

export type Messages = typeof zhCN;

export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en: en as Messages };
