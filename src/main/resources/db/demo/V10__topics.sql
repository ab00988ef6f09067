-- The sections of the demo newsroom, in the order the apps show them.
insert into topic (slug, name, description, position, created_at, updated_at) values
    ('russian-politics-diplomacy', 'Russian Politics & Diplomacy', 'Domestic politics and foreign policy', 10, now(), now()),
    ('world', 'World', 'International news', 20, now(), now()),
    ('business-economy', 'Business & Economy', 'Markets, companies, trade and the economy', 30, now(), now()),
    ('military-defense', 'Military & Defense', 'Armed forces, defense industry and security', 40, now(), now()),
    ('science-space', 'Science & Space', 'Research, technology and space flight', 50, now(), now()),
    ('emergencies', 'Emergencies', 'Accidents, natural disasters and rescue work', 60, now(), now()),
    ('society-culture', 'Society & Culture', 'Life, arts, education and health', 70, now(), now()),
    ('sports', 'Sports', 'Competitions and athletes', 80, now(), now());
