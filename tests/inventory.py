"""The fixed ids of ../shared/spec/fact-inventory.md, as the tests check them."""

CARDS = [
    "overview",
    "rear-base",
    "repairs-training",
    "china-aid",
    "sanctions-strategies",
    "iran-trip",
    "related-reports",
]

FACTS = {
    "belarus-leader": ("overview", "text"),
    "scheme-partners": ("overview", "list"),
    "belarus-role": ("rear-base", "text"),
    "support-types": ("rear-base", "list"),
    "springboard-since": ("rear-base", "number"),
    "airfields": ("rear-base", "text"),
    "missiles-2022": ("rear-base", "number"),
    "systems-deployed": ("rear-base", "list"),
    "mig31k-kinzhal": ("rear-base", "text"),
    "kinzhal-range": ("rear-base", "quantity"),
    "repairs-since": ("repairs-training", "date"),
    "training-support": ("repairs-training", "list"),
    "china-docs-date": ("china-aid", "date"),
    "china-docs-count": ("china-aid", "number"),
    "china-docs-signatory": ("china-aid", "text"),
    "china-docs-contents": ("china-aid", "list"),
    "strategies-count": ("sanctions-strategies", "number"),
    "strategy-most-likely": ("sanctions-strategies", "text"),
    "localization-weapons": ("sanctions-strategies", "list"),
    "strategy-second": ("sanctions-strategies", "text"),
    "exchange-recipients": ("sanctions-strategies", "list"),
    "strategy-third": ("sanctions-strategies", "text"),
    "sectoral-sanctions-by": ("sanctions-strategies", "text"),
    "iran-visit-dates": ("iran-trip", "date-range"),
    "iran-visit-country": ("iran-trip", "text"),
    "machulishchy-airfield": ("related-reports", "text"),
    "rail-partisans-sentence": ("related-reports", "quantity"),
    "fortified-oblast": ("related-reports", "text"),
}

ITEMS = {
    "scheme-partners": ["iran", "china"],
    "support-types": ["logistics", "supply-lines", "medical"],
    "systems-deployed": ["s-400", "iskander", "tor-m2", "fighter-jets", "mig-31k"],
    "training-support": ["training-grounds", "instructors"],
    "china-docs-contents": ["industrial-strategy", "scitech-plan", "loans-memo"],
    "localization-weapons": ["drones", "howitzers", "ammunition"],
    "exchange-recipients": ["iran", "syria", "belarus", "dprk"],
}
