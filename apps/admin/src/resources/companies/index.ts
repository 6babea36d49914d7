import BusinessIcon from '@mui/icons-material/Business';
import { lazyScreen } from '../../ui/lazyScreen';

// Screens load on demand so the first screen stays small.
const CompanyList = lazyScreen('companies', () => import('./CompanyList').then((module) => ({ default: module.CompanyList })));
const CompanyShow = lazyScreen('companies', () => import('./CompanyShow').then((module) => ({ default: module.CompanyShow })));
const CompanyCreate = lazyScreen('companies', () => import('./CompanyCreate').then((module) => ({ default: module.CompanyCreate })));
const CompanyEdit = lazyScreen('companies', () => import('./CompanyEdit').then((module) => ({ default: module.CompanyEdit })));

export * from './companyPanels';

/** `companies`: list, company page (overview, share, connections, data, bank feeds, history), create, edit. */
export const companies = {
  name: 'companies',
  icon: BusinessIcon,
  list: CompanyList,
  show: CompanyShow,
  create: CompanyCreate,
  edit: CompanyEdit,
  recordRepresentation: 'name',
  options: { label: 'Companies' },
};
