// Sections: names and teams · players (good / average / careless) · the game pool · attempts ·
// quizzes · certificates · buildDemoCenter
#include "frontline/demo_center.hpp"
#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include "frontline/certification.hpp"
#include "frontline/certs.hpp"
#include "frontline/engine.hpp"
#include "frontline/golden.hpp"
#include "frontline/quiz.hpp"
#include "frontline/scoring.hpp"

namespace frontline {
namespace {

// ---- names and teams -------------------------------------------------------------------------
// Apostrophes and accents on purpose: every screen and export must carry them.
constexpr const char* kFirstNames[] = {"Ana", "Ben", "Chloé", "Dara", "Élodie", "Farid", "Grace", "Hiro", "Inès", "Jamal",
                                       "Kofi", "Léa", "Mateus", "Niamh", "Oğuz", "Priya", "Quinn", "Rosa", "Søren", "Tomás",
                                       "Uma", "Vikram", "Wen", "Xavier", "Yara", "Zoë"};
constexpr const char* kLastNames[] = {"O'Neil", "Núñez", "D'Arcy", "Müller", "Okafor", "Kowalski", "Nguyen", "García",
                                      "Smith", "Haddad", "Lindqvist", "Mbeki", "Rossi", "Tanaka", "Ó Briain", "Singh"};
constexpr const char* kTeams[] = {"North", "South", "Nights", "Chat & email", "O'Connell's desk"};

enum class Skill { Good, Average, Careless };
constexpr Skill kSkills[] = {Skill::Good, Skill::Average, Skill::Careless};

// ---- players -----------------------------------------------------------------------------------
// A good player follows a passing golden play-through (an author's model answer); an average one
// leaves it for a random reply now and then; a careless one replies at random and files a random
// wrap-up. Every game is played through the engine and scored by the scorer.
constexpr int kMaxDecisions = 200;

const GoldenPlaythrough* modelAnswer(const GoldenFile* golden) {
    if (!golden) return nullptr;
    for (const auto& p : golden->playthroughs)
        if (p.expect.value("passed", false)) return &p;
    return nullptr;
}

void chooseAtRandom(Engine& engine, std::mt19937_64& random) {
    std::vector<std::string> ids;
    for (const OptionView& o : engine.options())
        if (o.available) ids.push_back(o.id);
    if (!ids.empty()) engine.choose(ids[random() % ids.size()]);
}

WrapUpForm randomWrapUp(const Sop& sop, std::mt19937_64& random) {
    WrapUpForm form;
    if (!sop.disposition_codes.empty()) form.disposition = sop.disposition_codes[random() % sop.disposition_codes.size()].id;
    if (!sop.categories.empty()) form.category = sop.categories[random() % sop.categories.size()].id;
    form.notes = "Customer contacted.";
    return form;
}

struct Game {
    AttemptLog log;
    ScoreReport report;
    std::string title;
};

Game playGame(const ContentLibrary& content, const Scenario& scenario, const GoldenPlaythrough* model, Skill skill,
              std::uint64_t seed, AttemptMode mode) {
    std::mt19937_64 random(seed);
    const int stray_percent = skill == Skill::Good ? 0 : skill == Skill::Average ? 20 : 100;
    Engine engine(content.sop, scenario, content.default_settings, "Demo", model && skill == Skill::Good ? model->seed : seed);
    engine.setMode(mode);
    engine.answer(model ? model->answer_after : 5);
    if (model)
        for (const std::string& choice : model->choices) {
            if (engine.phase() != Phase::Live) break;
            if (choice.rfind("wait:", 0) == 0) engine.elapse(std::atoi(choice.c_str() + 5));
            else if (static_cast<int>(random() % 100) < stray_percent || !engine.choose(choice).ok) chooseAtRandom(engine, random);
        }
    for (int n = 0; n < kMaxDecisions && engine.phase() == Phase::Live; ++n) chooseAtRandom(engine, random);
    if (engine.phase() == Phase::WrapUp)
        engine.submitWrapUp(model && model->wrap_up && skill != Skill::Careless ? *model->wrap_up : randomWrapUp(content.sop, random));
    if (engine.phase() == Phase::Live) engine.elapse(3600);  // a player stuck in a loop: the caller gives up
    return {engine.log(), scoreAttempt(content.sop, scenario, content.default_settings, engine.log()), scenario.title};
}

// ---- the game pool -----------------------------------------------------------------------------
using Pool = std::map<Skill, std::vector<Game>>;  // per scenario

std::vector<Pool> playPool(const ContentLibrary& content, const DemoOptions& o, int& games_played) {
    std::vector<Pool> pools;
    for (const auto& scenario : content.scenarios) {
        std::vector<Diagnostic> diags;
        const auto golden = loadGoldenFile(content.paths.root / "golden" / (scenario->id + ".golden.json"), diags);
        const GoldenPlaythrough* model = modelAnswer(golden ? &*golden : nullptr);
        Pool pool;
        for (Skill skill : kSkills)
            for (int g = 0; g < o.games_per_skill; ++g) {
                // The last game of each skill is an assessment (certification may ask for one).
                const AttemptMode mode = g == o.games_per_skill - 1 ? AttemptMode::Assessment : AttemptMode::Practice;
                pool[skill].push_back(playGame(content, *scenario, model, skill, o.seed * 7919 + pools.size() * 131 + g * 17 +
                                                                                  static_cast<int>(skill), mode));
                ++games_played;
            }
        pools.push_back(std::move(pool));
    }
    return pools;
}

struct DemoTrainee {
    Trainee profile;
    Skill skill;
};

Skill skillFor(std::mt19937_64& random) {
    const auto draw = random() % 100;
    return draw < 30 ? Skill::Good : draw < 75 ? Skill::Average : Skill::Careless;
}

std::vector<DemoTrainee> addTrainees(Store& store, int count, std::mt19937_64& random) {
    std::vector<DemoTrainee> out;
    constexpr std::size_t first_count = std::size(kFirstNames), last_count = std::size(kLastNames);
    for (int i = 0; i < count; ++i) {
        std::string name = std::string(kFirstNames[i % first_count]) + " " + kLastNames[(i / first_count) % last_count];
        if (i >= static_cast<int>(first_count * last_count)) name += " " + std::to_string(i / (first_count * last_count) + 1);
        out.push_back({store.createTrainee(name, kTeams[random() % std::size(kTeams)]), skillFor(random)});
    }
    return out;
}

// A time `back` seconds before `now`.
std::string before(std::int64_t now, std::int64_t back) { return formatUtc(now - back); }

// ---- attempts ------------------------------------------------------------------------------------
constexpr int kBatchSize = 2000;

void recordAttempts(Store& store, const std::vector<DemoTrainee>& people, const std::vector<Pool>& pools, const DemoOptions& o,
                    std::int64_t now, std::mt19937_64& random, const std::function<void(int)>& progress) {
    const std::int64_t span = static_cast<std::int64_t>(o.days) * 86400;
    for (int written = 0; written < o.attempts;) {
        Store::Batch batch(store, /*relaxed=*/true);
        for (int n = 0; n < kBatchSize && written < o.attempts; ++n, ++written) {
            const DemoTrainee& who = people[random() % people.size()];
            const auto& games = pools[random() % pools.size()].at(who.skill);
            const Game& game = games[random() % games.size()];
            const std::int64_t finished = now - static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(span));
            const std::int64_t handled = std::max(game.report.metrics.handle_seconds, 1);
            store.recordAttempt(who.profile.id, game.title, game.log, game.report, formatUtc(finished - handled), formatUtc(finished));
        }
        batch.commit();
        if (progress) progress(written);
    }
}

// ---- quizzes -------------------------------------------------------------------------------------
// How often a trainee of each skill answers a question right.
int rightAnswerPercent(Skill skill) { return skill == Skill::Good ? 92 : skill == Skill::Average ? 78 : 50; }

// An exam drawn, answered and graded as at the desk, so that replaying the evidence before a
// certificate is signed (issue 13) finds the demo's exams genuine.
std::optional<QuizAttemptRecord> takeExam(const QuizLibrary& library, const std::string& exam, Skill skill, const OrgSettings& settings,
                                          const std::string& name, std::mt19937_64& random) {
    const auto draw = drawQuiz(library, exam, random());
    if (!draw) return std::nullopt;
    std::vector<QuizAnswer> answers;
    for (const DrawnQuestion& drawn : draw->questions) {
        const bool right = static_cast<int>(random() % 100) < rightAnswerPercent(skill);
        answers.push_back(right ? correctAnswer(*library.question(drawn.question), drawn) : QuizAnswer{});
    }
    const QuizResult result = gradeQuiz(library, *draw, answers, QuizMode::Exam, settings, name);
    QuizAttemptRecord q;
    q.exam_id = draw->quiz;
    q.seed = draw->seed;
    q.score_percent = result.percent;
    q.passed = result.passed;
    q.detail = quizAttemptDetail(*draw, answers, result);
    return q;
}

int recordQuizzes(Store& store, const std::vector<DemoTrainee>& people, const std::vector<Policy>& policies, const ContentLibrary& content,
                  const DemoOptions& o, std::int64_t now, std::mt19937_64& random) {
    std::vector<std::string> exams;
    for (const Policy& p : policies)
        for (const PolicyExam& e : p.exams)
            if (std::find(exams.begin(), exams.end(), e.exam) == exams.end()) exams.push_back(e.exam);
    const QuizLibrary library = loadQuizLibrary(content.paths.root / "questions", content.sop);
    int written = 0;
    Store::Batch batch(store, true);
    for (const DemoTrainee& who : people)
        for (const std::string& exam : exams)
            for (const char* mode : {"practice", "exam", "exam"}) {
                if (random() % 4 == 0) continue;  // not everyone has taken everything
                auto q = takeExam(library, exam, who.skill, content.default_settings, who.profile.name, random);
                if (!q) continue;
                q->trainee_id = who.profile.id;
                q->mode = mode;
                const std::int64_t finished = now - static_cast<std::int64_t>(random() % (static_cast<std::uint64_t>(o.days) * 86400 + 1));
                q->started_at = formatUtc(finished - 900);
                q->finished_at = formatUtc(finished);
                q->sop_version = content.sop.version;
                store.recordQuizAttempt(*q);
                ++written;
            }
    batch.commit();
    return written;
}

// ---- certificates --------------------------------------------------------------------------------
// Issued at spread-out dates for the good and some average trainees, so that some are current,
// some fall due for a refresher and some have expired; the first one issued is revoked.
void issueCertificates(Store& store, const std::vector<DemoTrainee>& people, const std::vector<Policy>& policies,
                       const ContentLibrary& content, std::int64_t now, std::mt19937_64& random, DemoSummary& summary) {
    const Policy* level_one = nullptr;
    for (const Policy& p : policies)
        if (p.prerequisites.empty() && (!level_one || p.level < level_one->level)) level_one = &p;
    if (!level_one) return;
    const int months = level_one->validity_months.value_or(content.default_settings.certificate_validity_months);
    const std::uint64_t spread_days = static_cast<std::uint64_t>(months) * 31 + 60;  // past the expiry for some
    for (const DemoTrainee& who : people) {
        if (who.skill == Skill::Careless || (who.skill == Skill::Average && random() % 3 != 0)) continue;
        const std::string issued = before(now, static_cast<std::int64_t>(random() % spread_days) * 86400);
        const nlohmann::json scores = {{"demo", true}};
        CertificateRecord c = issueCertificate(store, who.profile, *level_one, scores, issued, content.default_settings, content.sop.version);
        ++summary.certificates;
        if (summary.revoked == 0) {
            store.revokeCertificate(c.id, "Issued in error (demo)", formatUtc(now - 86400));
            ++summary.revoked;
        }
    }
}

}  // namespace

// ---- buildDemoCenter -----------------------------------------------------------------------------
DemoSummary buildDemoCenter(Store& store, const ContentLibrary& content, const std::vector<Policy>& policies,
                            const DemoOptions& o, const std::function<void(int)>& progress) {
    if (!o.allow_existing && (store.attemptCount() > 0 || !store.trainees().empty()))
        throw DemoRefused("the database already has trainees or attempts; a demo center goes into an empty one");
    if (o.trainees < 1 || o.attempts < 0 || o.days < 1) throw DemoRefused("a demo center needs at least one trainee and one day");
    if (content.scenarios.empty()) throw DemoRefused("the content has no scenarios to play");
    const std::int64_t now = parseUtc(o.now.empty() ? nowUtcIso() : o.now).value_or(0);
    std::mt19937_64 random(o.seed);
    DemoSummary summary;
    const std::vector<Pool> pools = playPool(content, o, summary.games_played);
    std::vector<DemoTrainee> people;
    {
        Store::Batch batch(store, true);
        people = addTrainees(store, o.trainees, random);
        batch.commit();
    }
    summary.trainees = static_cast<int>(people.size());
    for (const DemoTrainee& p : people)
        if (std::find(summary.teams.begin(), summary.teams.end(), p.profile.team) == summary.teams.end())
            summary.teams.push_back(p.profile.team);
    recordAttempts(store, people, pools, o, now, random, progress);
    summary.attempts = o.attempts;
    summary.quizzes = recordQuizzes(store, people, policies, content, o, now, random);
    issueCertificates(store, people, policies, content, now, random, summary);
    return summary;
}

}  // namespace frontline
