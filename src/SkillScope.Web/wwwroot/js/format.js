// Numbers and ids as people read them. Counts are shown in full (the browser tests compare them with the API).

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const count = (n) => integer.format(n);
export const share = (x) => percent.format(x);
export const money = (x) => (x === null || x === undefined ? '–' : usd.format(x));
export const number = (x) => (x === null || x === undefined ? '–' : decimal.format(x));

const names = {
  posting: 'Job postings', salary_report: 'Salary reports',
  ml_engineer: 'ML engineer', data_scientist: 'Data scientist', mlops_engineer: 'MLOps engineer',
  research_scientist: 'Research scientist', ai_engineer: 'AI engineer', data_engineer: 'Data engineer',
  data_analyst: 'Data analyst', ai_product_manager: 'AI product manager', ai_governance: 'AI governance',
  intern: 'Intern', junior: 'Junior', mid: 'Mid', senior: 'Senior', lead: 'Lead', executive: 'Executive',
  full_time: 'Full time', part_time: 'Part time', contract: 'Contract', internship: 'Internship', temporary: 'Temporary',
  remote: 'Remote', hybrid: 'Hybrid', onsite: 'On site', other: 'Other', unknown: 'Unknown',
  'llm-genai': 'LLM / GenAI', mlops: 'MLOps', 'ml-method': 'ML method', 'visualization-bi': 'Visualization / BI',
  'math-statistics': 'Math / statistics', 'library-framework': 'Library / framework',
};

/** A display name for a public id (docs/domain.md); unknown ids are shown humanized. */
export function label(id) {
  if (id === null || id === undefined) return '–';
  if (names[id]) return names[id];
  const text = String(id).replace(/[-_]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
