import * as areaActions from "@/lib/registry/area.actions";
import * as departmentActions from "@/lib/registry/department.actions";
import * as siteActions from "@/lib/registry/site.actions";
import * as tenantActions from "@/lib/registry/tenant.actions";
import * as unitActions from "@/lib/registry/unit.actions";
import * as userActions from "@/lib/registry/user.actions";
import type { MatrixModule } from "./types";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** The registry: sites, areas, units, tenants, departments and user accounts. */
export const registryMatrix: MatrixModule = {
  actions: [siteActions, areaActions, unitActions, tenantActions, departmentActions, userActions],
  inputs: {
    createSiteAction: () => ({
      code: `S${uniq()
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "")}`.slice(0, 16),
      name: "新项目",
      address: null,
      timeZone: "Asia/Shanghai",
      slot1Start: "09:00",
      slot1End: "12:00",
      slot2Start: "14:00",
      slot2End: "17:30",
      inspectOnWeekends: false,
    }),
    updateSiteAction: (w, s) => ({
      id: s === "a" ? w.siteA : w.siteB,
      name: `改名${uniq()}`,
      address: "上海",
      timeZone: "Asia/Shanghai",
      slot1Start: "08:30",
      slot1End: "11:30",
      slot2Start: "14:00",
      slot2End: "17:00",
      inspectOnWeekends: true,
    }),
    createAreaAction: (w, s) => ({
      siteId: s === "a" ? w.siteA : w.siteB,
      name: `区域${uniq()}`,
      type: "RESTROOM",
      building: "A座",
      floor: "2F",
      active: true,
    }),
    updateAreaAction: (w, s) => ({ id: w[s].area, name: `大堂${uniq()}`, type: "LOBBY", building: "A座", floor: "1F", active: true }),
    createUnitAction: (w, s) => ({
      siteId: s === "a" ? w.siteA : w.siteB,
      code: `N-${uniq()}`,
      building: "A座",
      floor: "3F",
      areaSqm: "88.5",
      status: "VACANT",
      tenantId: "",
    }),
    updateUnitAction: (w, s) => ({
      id: w[s].unit,
      code: `U-${uniq()}`,
      building: "A座",
      floor: "1F",
      areaSqm: "",
      status: "OCCUPIED",
      tenantId: w[s].tenant,
    }),
    createTenantAction: (w, s) => ({
      siteId: s === "a" ? w.siteA : w.siteB,
      name: `公司${uniq()}`,
      notes: "",
      contacts: [{ name: "李四", position: "行政", phone: "13900000000" }],
    }),
    updateTenantAction: (w, s) => ({
      id: w[s].tenant,
      name: `业户${uniq()}`,
      notes: "",
      contacts: [{ name: "张三", position: "", phone: "13800000000" }],
    }),
    createDepartmentAction: (w, s) => ({
      siteId: s === "a" ? w.siteA : w.siteB,
      name: `部门${uniq()}`,
      kind: "SECURITY",
      contactName: "",
      contactPhone: "",
    }),
    updateDepartmentAction: (w, s) => ({
      id: w[s].department,
      name: `工程部${uniq()}`,
      kind: "ENGINEERING",
      contactName: "王工",
      contactPhone: "021-5555",
    }),
    createUserAction: (w) => ({
      username: `u${uniq()}`,
      password: "Secret12345",
      name: "新同事",
      role: "CLERK",
      duty: null,
      siteIds: [w.siteA],
    }),
    updateUserAction: (w) => ({
      id: w.users.FRONT_DESK,
      name: `前台${uniq()}`,
      role: "FRONT_DESK",
      duty: null,
      siteIds: [w.siteA],
      disabled: false,
    }),
    resetUserPasswordAction: (w) => ({ id: w.users.CLERK, password: "Another123" }),
  },
  /** Accounts and new sites are company-wide records: no site to scope. */
  unscoped: ["createSiteAction", "createUserAction", "updateUserAction", "resetUserPasswordAction"],
};
