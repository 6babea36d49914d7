/**
 * Word lists for believable small-business names. Only characters Codat keeps in a company
 * name appear here (letters, digits, spaces and - ' , & @ . ? !).
 */

export const SURNAMES = [
  'Abbott', 'Adeyemi', 'Ahmed', 'Allen', 'Andersen', 'Archer', 'Bailey', 'Baker', 'Banerjee', 'Barnes',
  'Bennett', 'Bishop', 'Brennan', 'Brooks', 'Byrne', 'Campbell', 'Carter', 'Chen', 'Clarke', 'Coleman',
  'Collins', 'Cooper', 'Costa', 'Cunningham', 'Davies', 'Dixon', 'Doherty', 'Duarte', 'Edwards', 'Ellis',
  'Evans', 'Fischer', 'Fitzgerald', 'Fleming', 'Foster', 'Fraser', 'Garcia', 'Gibson', 'Gill', 'Gordon',
  'Graham', 'Grant', 'Greene', 'Hall', 'Hamilton', 'Harper', 'Harris', 'Hayes', 'Henderson', 'Hughes',
  'Hussain', 'Jackson', 'James', 'Jensen', 'Johnson', 'Kaur', 'Kelly', 'Kennedy', 'Khan', 'Kowalski',
  'Lam', 'Lawson', 'Lee', 'Lewis', 'Lindqvist', 'Lopez', 'MacDonald', 'Marshall', 'Martin', 'McCarthy',
  'Mehta', 'Miller', 'Mitchell', 'Moreau', 'Morgan', 'Murphy', 'Nguyen', 'Novak', "O'Brien", "O'Connor",
  'Okafor', 'Osei', 'Owen', 'Palmer', 'Parker', 'Patel', 'Pearson', 'Perez', 'Phillips', 'Price',
  'Quinn', 'Reid', 'Reyes', 'Richards', 'Robertson', 'Rossi', 'Russell', 'Ryan', 'Santos', 'Schmidt',
  'Scott', 'Shah', 'Shaw', 'Silva', 'Singh', 'Stewart', 'Sullivan', 'Taylor', 'Thompson', 'Turner',
  'Walker', 'Wallace', 'Walsh', 'Ward', 'Watson', 'Webb', 'Wells', 'White', 'Williams', 'Wilson',
  'Wong', 'Wright', 'Young', 'Zhang',
];

/** Places and landmarks that read naturally in front of a trade. */
export const PLACES = [
  'Abbey', 'Ashford', 'Bayview', 'Beacon', 'Birchwood', 'Bridgewater', 'Brookside', 'Canal Street',
  'Castle', 'Cedar Creek', 'Chapel Hill', 'Clearwater', 'Cliffside', 'Coastal', 'Cotswold', 'Crown',
  'Eastgate', 'Elm Street', 'Fairview', 'Fernhill', 'Glenwood', 'Granary', 'Greenfield', 'Harbourside',
  'Hawthorn', 'Highfield', 'Hillcrest', 'Kingsway', 'Lakeside', 'Linden', 'Maple Leaf', 'Market Square',
  'Meadowbank', 'Mill Lane', 'Northgate', 'Oakwood', 'Old Town', 'Orchard', 'Parkside', 'Pinecrest',
  'Quayside', 'Redwood', 'Ridgeway', 'Riverside', 'Rosewood', 'Southbank', 'Station Road', 'Stonebridge',
  'Summit', 'Thornbury', 'Union Street', 'Valley', 'Westfield', 'Willow', 'Windmill', 'Woodland',
];

/** Catchy first halves for brand-style names. */
export const BRAND_WORDS = [
  'Acorn', 'Amber', 'Apex', 'Arrow', 'Blue Fox', 'Bluebell', 'Bright', 'Copper', 'Cornerstone', 'Cobalt',
  'Daisy', 'Evergreen', 'Falcon', 'Firefly', 'Golden', 'Granite', 'Honeybee', 'Iron', 'Juniper', 'Kestrel',
  'Lantern', 'Lighthouse', 'Lime Tree', 'Lotus', 'Magpie', 'Northstar', 'Nutmeg', 'Olive', 'Otter', 'Peak',
  'Pebble', 'Pelican', 'Pioneer', 'Quill', 'Raven', 'Red Kite', 'Saffron', 'Sage', 'Silver Birch', 'Sparrow',
  'Swift', 'Thistle', 'Tidal', 'True North', 'Velvet', 'Wildflower', 'Wren', 'Zest',
];

export const TRADES = [
  'Accountants', 'Architects', 'Auto Repairs', 'Bakery', 'Barbers', 'Bike Shop', 'Bookkeeping',
  'Brewing Co', 'Builders', 'Butchers', 'Cafe', 'Carpentry', 'Catering', 'Cleaning Services',
  'Coffee Roasters', 'Construction', 'Consulting', 'Creative Studio', 'Deli', 'Dental Care', 'Design',
  'Digital', 'Distillery', 'Electrical', 'Engineering', 'Events', 'Fitness', 'Florists', 'Foods',
  'Freight', 'Furniture', 'Garden Centre', 'Glazing', 'Hair Studio', 'Hardware', 'Heating & Plumbing',
  'Home Care', 'Interiors', 'IT Services', 'Joinery', 'Kitchens', 'Landscaping', 'Legal', 'Logistics',
  'Marketing', 'Media', 'Motors', 'Nursery', 'Opticians', 'Outdoor Supplies', 'Pet Supplies', 'Pharmacy',
  'Photography', 'Physiotherapy', 'Plumbing', 'Print Studio', 'Property Management', 'Recruitment',
  'Removals', 'Restaurant', 'Roofing', 'Security', 'Software', 'Solar', 'Surveyors', 'Tailoring',
  'Tiling', 'Trading', 'Travel', 'Tutoring', 'Upholstery', 'Veterinary Clinic', 'Wellness', 'Wholesale',
  'Wine Merchants', 'Yoga Studio',
];

export type Region = 'uk' | 'us' | 'au' | 'ie' | 'ca' | 'nz';

/** Legal-form suffixes by region; `''` (no suffix) is common for sole traders. */
export const LEGAL_SUFFIXES: Record<Region, readonly string[]> = {
  uk: ['Ltd', 'Ltd', 'Limited', 'LLP', '', ''],
  ie: ['Ltd', 'Limited', 'DAC', ''],
  us: ['LLC', 'LLC', 'Inc', 'Inc.', 'Co', ''],
  ca: ['Inc', 'Ltd', 'Corp', ''],
  au: ['Pty Ltd', 'Pty Ltd', 'Pty. Ltd.', ''],
  nz: ['Limited', 'Ltd', ''],
};

export const CURRENCY_BY_REGION: Record<Region, string> = {
  uk: 'GBP',
  ie: 'EUR',
  us: 'USD',
  ca: 'CAD',
  au: 'AUD',
  nz: 'NZD',
};

/** Portal users who create companies by hand; API-created companies have no user name. */
export const PORTAL_USERS = [
  'Amira Haddad', 'Ben Carter', 'Chloe Martin', 'Dan Tzabar', 'Ella Novak', 'Felix Osei', 'Grace Kim',
  'Hugo Silva', 'Isla Murphy', 'Jonas Lindqvist', 'Kavya Rao', 'Liam Walsh',
];

/** Free-text descriptions seen on companies besides the empty default and merchant ids. */
export const DESCRIPTIONS = [
  'Onboarded via partner portal',
  'Lending application',
  'Referred by account manager',
  'Migrated from legacy onboarding',
  'Pilot customer',
  'Card acquiring merchant',
];
