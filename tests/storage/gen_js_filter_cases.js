// Generates js_filter_cases.json: [valueJSON, valueKey, operation, filterValue,
// expected (1/0)] rows, the expected column computed by Motia's reference
// filter (@motiadev/adapter-redis-state 0.17.6-beta.187, matchesFilter),
// reproduced below. Run: node gen_js_filter_cases.js js_filter_cases.json
function matchesFilter(item, filter) {
  const value = typeof item.value === "object" && item.value !== null ? item.value[filter.valueKey] : item.value;
  const filterValue = filter.value;
  switch (filter.operation) {
    case "eq": return value === filterValue;
    case "neq": return value !== filterValue;
    case "gt": return value > filterValue;
    case "gte": return value >= filterValue;
    case "lt": return value < filterValue;
    case "lte": return value <= filterValue;
    case "contains": return typeof value === "string" && value.includes(filterValue);
    case "notContains": return typeof value === "string" && !value.includes(filterValue);
    case "startsWith": return typeof value === "string" && value.startsWith(filterValue);
    case "endsWith": return typeof value === "string" && value.endsWith(filterValue);
    case "isNotNull": return value !== null && value !== void 0;
    case "isNull": return value === null || value === void 0;
    default: return false;
  }
}
const values = ['{"s":"hello","n":5,"b":true,"z":null,"a":[1,2],"o":{"k":1},"e":"","u":"\\u00e9t\\u00e9","big":"\\ud83d\\ude00","pri":"\\uff61"}',
  '[10,"x",null]', '"plain"', '42', 'null', 'true', '{"n":-0.5,"s":"10"}', '{"s":"b","s":"a"}'];
const keys = ['s','n','b','z','a','o','e','u','big','pri','missing','0','1','2','length'];
const ops = ['eq','neq','gt','gte','lt','lte','contains','notContains','startsWith','endsWith','isNotNull','isNull'];
const fvals = ['hello','5','4.5',' 5 ','','1,2','[object Object]','0x10','abc','true','1e1','é','\uffff','-1','Infinity','x'];
const out = [];
let seed = 7;
function rnd(n){ seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; }
for (const v of values) for (const k of keys) for (const op of ops) {
  // sample fvals to keep table moderate
  for (let i = 0; i < 3; i++) {
    const f = fvals[rnd(fvals.length)];
    out.push([v, k, op, f, matchesFilter({value: JSON.parse(v)}, {valueKey:k, operation:op, value:f}) ? 1 : 0]);
  }
}
// dedupe
const seen = new Set(); const res = [];
for (const r of out) { const s = JSON.stringify(r.slice(0,4)); if (!seen.has(s)) { seen.add(s); res.push(r); } }
require('fs').writeFileSync(process.argv[2] || 'js_filter_cases.json', JSON.stringify(res, null, 0).replace(/\],\[/g, '],\n['));
console.log(res.length, res.filter(r=>r[4]).length);
