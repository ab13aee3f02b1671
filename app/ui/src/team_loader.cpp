// Loads the Team screen's figures on a worker thread with its own connection (Store::openReader),
// so a center's 500 trainees never freeze the window: the previous figures stay on screen, with
// "Refreshing…", until the new ones arrive. An in-memory database (tests) has no second
// connection and loads in place.
#include <chrono>
#include "frontline/ui/app.hpp"
#include "team_panels.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

std::future<TeamOverview> loadNow(const Store& store, const ContentLibrary& content, const std::vector<Policy>& policies,
                                  const OrgSettings& settings, const std::string& now) {
    std::promise<TeamOverview> done;
    try {
        done.set_value(loadTeamOverview(store, content, policies, settings, now));
    } catch (...) {
        done.set_exception(std::current_exception());
    }
    return done.get_future();
}

}  // namespace

void startTeamLoad(AppState& app) {
    CertificationScreenState& st = app.certification;
    st.valid = true;
    if (!app.store || st.loading.valid()) return;  // one load at a time; Refresh during one waits for it
    const auto& policies = certificationPolicies(app);
    const std::string now = nowUtcIso();
    std::optional<Store> reader;
    try {
        reader = app.store->openReader();
    } catch (const StoreError& e) {
        st.load_error = fmt(tr("Could not open a second connection to read the team: {0}"), e.what());
        return;
    }
    if (!reader) {
        st.loading = loadNow(*app.store, app.content, policies, app.settings, now);
        return;
    }
    // The worker owns copies of what it reads: the window may change its settings meanwhile.
    st.loading = std::async(std::launch::async, [store = std::move(*reader), content = app.content, policies = policies,
                                                 settings = app.settings, now]() {
        return loadTeamOverview(store, content, policies, settings, now);
    });
}

bool teamLoading(const AppState& app) { return app.certification.loading.valid(); }

// Takes the worker's result when it is ready (without waiting unless `wait`).
void collectTeamLoad(AppState& app, bool wait) {
    CertificationScreenState& st = app.certification;
    if (!st.loading.valid()) return;
    if (!wait && st.loading.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        app.wake_in = 0.1;  // look again soon; no input needed
        return;
    }
    try {
        st.overview = std::make_shared<const TeamOverview>(st.loading.get());
        st.load_error.clear();
    } catch (const StoreError& e) {
        st.load_error = fmt(tr("Could not read the team: {0}"), e.what());
    } catch (const std::exception& e) {
        st.load_error = fmt(tr("Could not read the team: {0}"), e.what());
    }
}

void finishTeamLoad(AppState& app) { collectTeamLoad(app, true); }

}  // namespace frontline::ui
