-- Synthetic archive for benchmarks, phase 1 of 3 (run.sh runs them): topics, vocabularies and
-- sentence pools. Phase 2 (seed-articles.sql) writes the articles in chunks, two at a time;
-- phase 3 (seed-finish.sql) analyzes. Idempotent: run.sh skips all three when the bench
-- articles exist.
--
-- Text is drawn, not repeated: every word of a sentence is drawn from a vocabulary by a Zipf
-- law (rank r with probability ~ 1/r: the log of the rank is uniform), so a few words are in most
-- articles and most words in few, as in real news. Sentences are drawn once into pools (200,000
-- English, 40,000 Russian); a body is 45 of them picked by a hash, in five paragraphs (~3 KB).
-- Headlines are drawn fresh for every article.
\set ON_ERROR_STOP on

-- 40 topics; their popularity is Zipf too (phase 2 draws each article's topics by rank)
insert into topic (slug, name, position, created_at, updated_at)
select 'bench-topic-' || g, 'Bench topic ' || g, 1000 + g, now(), now()
  from generate_series(1, 40) g
on conflict do nothing;

drop table if exists bench_word, bench_sentence, bench_city;

-- The change feed's trigger (V110) would log every seeded article and leave a million changes for
-- the sequencer to place; phase 3 logs them at once, as V110 does for articles older than itself.
alter table article disable trigger article_change_log;

-- GIN indexes are built far faster in one pass than entry by entry: phase 1 keeps their
-- definitions (whatever the migrations made them) and drops them, phase 3 builds them again.
create table if not exists bench_saved_index as
select indexname, indexdef from pg_indexes
 where schemaname = 'public' and tablename = 'article' and indexdef ilike '% using gin %';
do $$
declare
  saved record;
begin
  for saved in select indexname from bench_saved_index loop
    execute format('drop index if exists %I', saved.indexname);
  end loop;
end
$$;

-- Words in rough order of frequency in news copy. Stop words come first as in real text: the
-- text search configurations drop them, so they shape snippets, not the index.
create table bench_word (lang text, n int, w text, primary key (lang, n));
insert into bench_word
select 'en', n, w from unnest(string_to_array(
  'the of to and in a for on that said with by is was at from as it has have be will after '
  || 'government president minister people year new state officials country police week time million percent '
  || 'rates interest oil prices market economy bank talks security military forces city region '
  || 'report reports committee council court law election party vote parliament budget tax trade '
  || 'russia china india europe moscow london beijing washington ukraine germany france japan '
  || 'company shares growth investment energy gas nuclear power plant health hospital vaccine doctors '
  || 'school students university research science space launch satellite football hockey olympic '
  || 'championship team match season record weather storm flood fire earthquake rescue border '
  || 'agreement treaty cooperation export import sanctions inflation currency ruble dollar euro '
  || 'defense army navy summit meeting visit diplomat embassy ambassador negotiations ceasefire '
  || 'humanitarian aid refugees customs airport airline railway tourism culture museum theatre film '
  || 'festival music award technology internet digital artificial intelligence robot drone data '
  || 'climate emissions coal wind solar grid pipeline tanker shipping port wheat grain harvest farmers '
  || 'prime foreign affairs spokesman statement press conference decision plan project program '
  || 'development support increase decline forecast quarter annual results profit revenue debt bonds '
  || 'stock exchange index investors central regulator policy reform pension wages unemployment jobs '
  || 'industry production factory cars exports imports supply demand shortage crisis recovery '
  || 'protest opposition leader candidate campaign poll turnout ballot constitution amendment '
  || 'ministry agency service office department authorities governor mayor judge trial sentence '
  || 'investigation arrest suspect charges fraud corruption bribery lawsuit appeal verdict '
  || 'accident crash collision injured killed victims survivors emergency evacuation wildfire '
  || 'drought heatwave snow temperature arctic ocean sea river lake mountain forest island '
  || 'president''s minister''s kremlin white house senate congress assembly delegation envoy '
  || 'missile weapons exercise drills fleet submarine aircraft helicopter tank troops soldiers '
  || 'conflict war peace truce settlement dialogue partnership alliance bloc organization union '
  || 'brics sco nato opec wto imf g20 asean apec eurasian '
  || 'lavrov putin peskov zakharova shoigu medvedev nabiullina siluanov mishustin sobyanin '
  || 'biden macron scholz modi xi erdogan lula guterres '
  || 'gazprom rosneft lukoil sberbank aeroflot roscosmos rosatom yandex '
  || 'vladivostok novosibirsk kazan sochi murmansk kaliningrad yekaterinburg petersburg '
  || 'telescope asteroid orbit rocket cosmonaut astronaut station module experiment laboratory '
  || 'gold silver copper nickel aluminium metals mining steel fertilizer chemicals '
  || 'goalkeeper striker coach referee tournament final semifinal medal skating biathlon '
  || 'exhibition premiere orchestra ballet opera novel writer painter sculpture heritage '
  || 'vaccination epidemic virus infection cases patients clinic surgery medicine pharmacy '
  || 'broadband satellites cyberattack hackers software chips semiconductors smartphone '
  || 'tariff duty quota embargo blockade transit corridor logistics container freight '
  || 'kindergarten teachers exams graduates scholarship campus lecture curriculum '
  || 'quokka tessellation zanzibar', ' ')) with ordinality as t(w, n);

-- Russian words, several forms of the same stems, so the Russian stemmer has work to do
insert into bench_word
select 'ru', n, w from unnest(string_to_array(
  'в и на с по что не о к из за от для как это его также года году заявил заявила сообщил '
  || 'президент министр правительство страны россии россия москве москва министерства глава '
  || 'власти власть заявление переговоры переговоров встреча встречи визит визита делегации '
  || 'экономика экономики рынок рынка нефти нефть газа газ цены цен ставки ставка ключевой банк '
  || 'банка банков процентов рублей рубля доллара курс инфляция инфляции бюджет бюджета налог '
  || 'торговли торговля экспорт импорт санкции санкций компания компании акции рост роста '
  || 'безопасности безопасность армии армия флота флот учения ракеты ракета войска военные '
  || 'суд суда закон закона выборы выборов партии голосование депутаты думы дума совет совета '
  || 'регион региона области город города жители погода снег мороз пожар пожара наводнение '
  || 'спасатели авария аварии полиция следствие дело уголовное арест задержан обвинение '
  || 'наука науки ученые исследование университет студенты школа школы космос космоса запуск '
  || 'спутник спутника станция футбол хоккей матч матча команда команды чемпионат турнир '
  || 'культура театр театра музей музея фильм фестиваль премия выставка концерт '
  || 'здоровье больница врачи вакцина пациентов лечение медицина '
  || 'сотрудничество соглашение соглашения договор партнерство саммит форум проект проекта '
  || 'развитие поддержка рост снижение прогноз квартал прибыль выручка долг '
  || 'лавров путин песков захарова шойгу медведев набиуллина силуанов мишустин собянин '
  || 'ёлка ёлки самолёт самолёта всё её учёные пролёт '
  || 'владивосток новосибирск казань сочи мурманск калининград екатеринбург петербург '
  || 'газпром роснефть лукойл сбербанк аэрофлот роскосмос росатом яндекс', ' ')) with ordinality as t(w, n);

create table bench_city (n int primary key, name text, zone text);
insert into bench_city values
  (1, 'MOSCOW', 'Europe/Moscow'), (2, 'WASHINGTON', 'America/New_York'), (3, 'LONDON', 'Europe/London'),
  (4, 'BEIJING', 'Asia/Shanghai'), (5, 'ST. PETERSBURG', 'Europe/Moscow'), (6, 'NEW DELHI', 'Asia/Kolkata'),
  (7, 'BERLIN', 'Europe/Berlin'), (8, 'PARIS', 'Europe/Paris'), (9, 'TOKYO', 'Asia/Tokyo'),
  (10, 'VLADIVOSTOK', 'Asia/Vladivostok'), (11, 'NOVOSIBIRSK', 'Asia/Novosibirsk'),
  (12, 'ANKARA', 'Europe/Istanbul'), (13, 'BRASILIA', 'America/Sao_Paulo'), (14, 'CAIRO', 'Africa/Cairo'),
  (15, 'MINSK', 'Europe/Minsk'), (16, 'ASTANA', 'Asia/Almaty'), (17, 'TEHRAN', 'Asia/Tehran'),
  (18, 'GENEVA', 'Europe/Zurich'), (19, 'KAZAN', 'Europe/Moscow'), (20, 'SOCHI', 'Europe/Moscow');

-- Sentence pools: 8 to 21 Zipf-drawn words each. The rank is computed in a lateral subquery that
-- names k, so that it is drawn again for every word and can be joined by primary key.
create table bench_sentence (lang text, n int, s text, primary key (lang, n));
insert into bench_sentence
select l.lang, s.n,
       (select initcap(string_agg(w.w, ' ' order by k) filter (where k = 1))
               || coalesce(' ' || string_agg(w.w, ' ' order by k) filter (where k > 1), '') || '.'
          from generate_series(1, 8 + (s.n * 7) % 14) k
          cross join lateral (select floor(exp(random() * ln(l.size + 1)))::int + 0 * k as r) z
          join bench_word w on w.lang = l.lang and w.n = least(z.r, l.size))
  from (select lang, count(*) filter (where w not in ('quokka', 'tessellation', 'zanzibar')) as size,
               case lang when 'en' then 200000 else 40000 end as pool
          from bench_word group by lang) l
  cross join lateral generate_series(1, l.pool) s(n);
analyze bench_word;
analyze bench_sentence;
