// The desktop trainer's window: command line, GLFW + OpenGL3 + Dear ImGui setup, and a main loop
// that never busy-waits. Screenshot mode renders staged demo screens to PNG and exits.
// Sections: start-up trace · options · window · main loop · screenshot mode · runGui.
#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include "frontline/demo_center.hpp"
#include "cli.hpp"
#include "cli_support.hpp"
#include "frontline/utf8.hpp"
#include "frontline/i18n.hpp"
#include "frontline/translation.hpp"
#include "frontline/audio/player.hpp"
#include "frontline/ui/app.hpp"
#include "frontline/ui/demo.hpp"
#include "frontline/ui/fonts.hpp"
#include "frontline/ui/theme.hpp"
#include "frontline/ui/widgets.hpp"
#include "gui.hpp"
#include "frontline/ui/fonts.hpp"
#include "platform.hpp"

namespace frontline {

namespace {

// ---- start-up trace -------------------------------------------------------------------------------

// FRONTLINE_STARTUP_TRACE=1: milliseconds since main() at each start-up milestone, on stderr
// (where start-up time goes; bench/bench_startup measures the whole).
class StartupTrace {
public:
    StartupTrace() : on_(std::getenv("FRONTLINE_STARTUP_TRACE") != nullptr) {}
    void mark(const char* milestone) {
        if (!on_) return;
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
        std::lock_guard lock(mutex_);  // the loading thread marks too
        std::fprintf(stderr, "startup: %-26s %6.1f ms\n", milestone, ms);
    }

private:
    bool on_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::mutex mutex_;
};

// ---- options ------------------------------------------------------------------------------------

// Appended to a usage error, which stays one line like the terminal commands' (exit 2).
constexpr const char* kUsageHint =
    " (the window takes --db PATH|URI, --content DIR, --trainee NAME, --language CODE, --size WxH, --screenshot-dir DIR,"
    " --screenshot-screens LIST, --exit-after-frames N; `frontline --help` lists the commands)";

struct GuiOptions {
    std::string db;  // a file or a postgresql:// URI; "" = $FRONTLINE_DB, the desk settings, the default
    std::filesystem::path content;
    std::string trainee;
    std::string language;  // --language es: this run's language, over the desk's preference ("" = the preference)
    int width = 1280;
    int height = 800;
    std::filesystem::path screenshot_dir;
    std::vector<std::string> screenshot_screens;
    int exit_after_frames = 0;  // benchmarks and smoke tests: quit after this many frames
};

// "1280x800": each side a checked whole number within what a monitor can show.
void parseSize(const std::string& text, GuiOptions& o) {
    const auto x = text.find('x');
    if (x == std::string::npos) throw cli::UsageError("--size wants WIDTHxHEIGHT, e.g. 1280x800, not '" + text + "'");
    o.width = static_cast<int>(cli::wholeNumber(text.substr(0, x), 640, 7680, "--size width"));
    o.height = static_cast<int>(cli::wholeNumber(text.substr(x + 1), 480, 4320, "--size height"));
}

bool knownLanguage(const std::string& code) {
    for (const auto& l : i18n::languages())
        if (l.code == code) return true;
    return false;
}

std::string languageCodes() {
    std::string codes;
    for (const auto& l : i18n::languages()) codes += (codes.empty() ? "" : ", ") + l.code;
    return codes;
}

// The screens to capture: "all" or known names separated by commas.
std::vector<std::string> screenshotScreens(const std::string& list) {
    if (list == "all") return ui::demoScreenNames();
    const auto& known = ui::demoScreenNames();
    auto screens = cli::splitList(list);
    for (const auto& s : screens) {
        if (std::find(known.begin(), known.end(), s) != known.end()) continue;
        std::string names = "all";
        for (const auto& n : known) names += "," + n;
        throw cli::UsageError("unknown screen '" + s + "' (screens: " + names + ")");
    }
    return screens;
}

// The window's options, through the terminal commands' checked parser: unknown options, repeated
// ones, empty values and malformed or out-of-range numbers are usage errors (exit 2).
bool parseOptions(int argc, char** argv, GuiOptions& o) {
    try {
        const cli::OptionSpec spec{{}, {"--trainee", "--language", "--size", "--screenshot-screens", "--exit-after-frames"}, {}, {"--screenshot-dir"}};
        const cli::Args args = cli::parseOptions(std::vector<std::string>(argv + 1, argv + argc), spec);
        if (args.has("--help")) throw cli::UsageError("--help lists the terminal commands only as the first argument");
        if (!args.positional.empty()) throw cli::UsageError("unknown command '" + utf8::sanitized(args.positional.front()) + "'");
        o.db = args.get("--db");
        o.content = args.get("--content");
        o.trainee = args.get("--trainee");
        o.language = args.get("--language");
        if (!o.language.empty() && !knownLanguage(o.language))
            throw cli::UsageError("--language wants one of " + languageCodes() + ", not '" + utf8::sanitized(o.language) + "'");
        if (args.has("--size")) parseSize(args.get("--size"), o);
        o.screenshot_dir = args.get("--screenshot-dir");
        if (!o.screenshot_dir.empty()) o.screenshot_screens = screenshotScreens(args.get("--screenshot-screens", "all"));
        o.exit_after_frames = static_cast<int>(cli::numberOption(args, "--exit-after-frames", 0, 1000000000, 0));
        return true;
    } catch (const cli::UsageError& e) {
        std::cerr << "frontline: " << e.what() << kUsageHint << "\n";
        return false;
    }
}

// ---- window ---------------------------------------------------------------------------------------

// Any input means "something may change": render at full rate for a moment so hover, clicks and
// typing feel immediate, then go back to waiting.
struct LoopClock {
    double full_rate_until = 0;
    bool rescale = false;
    // Dear ImGui 1.86 has no input queue: a key pressed and released between two frames (a quick
    // tap, xdotool) would never be seen as down. Such taps are held down for one frame.
    std::vector<int> pressed_since_frame;
    std::vector<int> tapped;
};
// The backend sets Ctrl/Shift/Alt/Super in its key callback, so a modifier let go with its key
// inside one frame (xdotool's alt+2, a quick Ctrl+Enter) would be up again when the frame reads it.
// Modifiers follow the keys held down for the frame instead.
void holdTappedModifiers(ImGuiIO& io) {
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

LoopClock* loopClock(GLFWwindow* w) { return static_cast<LoopClock*>(glfwGetWindowUserPointer(w)); }
constexpr double kFullRateAfterInput = 0.35;
void poke(GLFWwindow* w) {
    if (LoopClock* c = loopClock(w)) c->full_rate_until = glfwGetTime() + kFullRateAfterInput;
}

void installWakeCallbacks(GLFWwindow* window) {
    // Installed before ImGui's backend, which chains to them.
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { poke(w); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { poke(w); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { poke(w); });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int) {
        poke(w);
        LoopClock* c = loopClock(w);
        if (!c || key < 0 || key >= 512) return;
        if (action == GLFW_PRESS) c->pressed_since_frame.push_back(key);
        // A modifier let go since the last frame is held for the next one too, pressed then or
        // before: xdotool's alt+2 can arrive as Alt down, one frame, then 2 tapped and Alt let go.
        const bool modifier = key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER;
        if (action == GLFW_RELEASE &&
            (modifier || std::find(c->pressed_since_frame.begin(), c->pressed_since_frame.end(), key) != c->pressed_since_frame.end()))
            c->tapped.push_back(key);
    });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { poke(w); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { poke(w); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { poke(w); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { poke(w); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { poke(w); });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) {
        if (LoopClock* c = loopClock(w)) c->rescale = true;
        poke(w);
    });
}

constexpr const char* kWindowTitle = N_("Frontline - contact-center trainer");

struct Window {
    GLFWwindow* handle = nullptr;
    LoopClock clock;
    bool imgui = false;  // an ImGui context and its backends exist
    ~Window() {
        if (imgui) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplGlfw_Shutdown();
            ImGui::DestroyContext();
        }
        if (handle) glfwDestroyWindow(handle);
        glfwTerminate();  // also fine when glfwInit failed
    }
};

bool initGlfw() {
    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "frontline: GLFW error %d: %s\n", code, text); });
    if (glfwInit()) return true;
    std::cerr << "frontline: " << tr("cannot open a window (no display?). The terminal commands still work: frontline --help") << "\n";
    return false;
}

bool openWindow(Window& win, const GuiOptions& o, bool visible) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // WM_CLASS "frontline": what the desktop entry's StartupWMClass matches (taskbar grouping).
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "frontline");
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "frontline");
    win.handle = glfwCreateWindow(o.width, o.height, kWindowTitle, nullptr, nullptr);
    if (!win.handle) {
        std::cerr << "frontline: " << tr("could not create an OpenGL 3.0 window") << "\n";
        return false;
    }
    glfwSetWindowSizeLimits(win.handle, 960, 600, GLFW_DONT_CARE, GLFW_DONT_CARE);
    platform::setWindowIcon(win.handle);
    glfwMakeContextCurrent(win.handle);
    glfwSwapInterval(1);
    glfwSetWindowUserPointer(win.handle, &win.clock);
    installWakeCallbacks(win.handle);
    return true;
}

// ImGui on the window, with fonts already built (at `font_scale`) in `atlas`, which outlives it.
void startImGui(Window& win, ImFontAtlas* atlas, float font_scale) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(atlas);
    win.imgui = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layouts are code; nothing to remember between runs
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(win.handle, true);
    ImGui_ImplOpenGL3_Init("#version 130");  // the font texture is uploaded by the first frame
    ui::applyTheme(font_scale);
}

// The whole framebuffer in the theme's paper colour (the UI draws no background of its own).
// Returns the framebuffer size.
std::pair<int, int> clearToPaper(Window& win) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(win.handle, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 paper = ui::colour::vec(ui::colour::kPaper);
    glClearColor(paper.x, paper.y, paper.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    return {w, h};
}

void renderFrame(Window& win, ui::AppState& app, const std::filesystem::path& screenshot = {}) {
    if (win.clock.rescale || app.requests.fonts_changed) {
        win.clock.rescale = false;
        platform::setupFontsAndScale(win.handle, app.prefs.ui_scale, ui::atlasCodepoints(app));
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    const std::vector<int> tapped = std::move(win.clock.tapped);
    win.clock.tapped.clear();
    win.clock.pressed_since_frame.clear();
    for (int key : tapped) io.KeysDown[key] = true;
    holdTappedModifiers(io);
    ImGui::NewFrame();
    ui::drawApp(app);
    ImGui::Render();
    for (int key : tapped) io.KeysDown[key] = false;
    holdTappedModifiers(io);
    if (!tapped.empty()) poke(win.handle);  // the release needs a frame of its own
    const auto [fb_w, fb_h] = clearToPaper(win);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!screenshot.empty()) platform::writeScreenshot(screenshot, fb_w, fb_h);
    glfwSwapBuffers(win.handle);
}

// ---- main loop ------------------------------------------------------------------------------------

// FRONTLINE_UI_TRACE=FILE: after each frame, the labelled widgets on screen with their centres in
// window coordinates ("label<TAB>x<TAB>y<TAB>enabled"), so tests/e2e can click them with xdotool.
class UiTrace {
public:
    UiTrace() {
        if (const char* path = std::getenv("FRONTLINE_UI_TRACE")) path_ = path;
        if (!path_.empty()) ImGui::GetIO().UserData = &recorder_;
    }
    void afterFrame() {
        if (path_.empty()) return;
        std::string text;
        for (const auto& [label, rect] : recorder_.items) {
            if (rect.frame != ImGui::GetFrameCount()) continue;
            const ImVec2 c = rect.centre();
            text += label + "\t" + std::to_string(static_cast<int>(c.x)) + "\t" + std::to_string(static_cast<int>(c.y)) + "\t" +
                    (rect.enabled ? "1" : "0") + "\n";
        }
        if (text == last_) return;
        last_ = text;
        const std::string temp = path_ + ".tmp";
        std::ofstream(temp) << text;
        std::error_code ec;
        std::filesystem::rename(temp, path_, ec);  // readers never see half a file
    }

private:
    std::string path_;
    std::string last_;
    ui::ItemRecorder recorder_;
};

// The integrity check reads the whole database (~0.3 s for 10,000 attempts on SQLite): it runs
// on its own connection in a background thread so the first frame is not kept waiting, wakes the
// loop when done, and is interrupted (Store::interrupt is thread-safe) if the app quits first.
struct IntegrityCheck {
    std::future<std::string> result;
    std::mutex mutex;
    const Store* running = nullptr;  // the checking connection while the check runs (under mutex)
    bool cancelled = false;          // the app is quitting: do not start (under mutex)

    ~IntegrityCheck() {
        {
            std::lock_guard lock(mutex);
            cancelled = true;
            if (running) running->interrupt();
        }
        if (result.valid()) result.wait();
    }
};

void startIntegrityCheck(IntegrityCheck& check, const std::string& db) {
    check.result = std::async(std::launch::async, [&check, db] {
        std::string problem;
        try {
            Store store = openStore(db, StoreOptions{5000, false});
            {
                std::lock_guard lock(check.mutex);
                if (check.cancelled) return problem;
                check.running = &store;
            }
            try {
                problem = store.integrityProblem();
            } catch (const StoreError&) {
                // Interrupted, or a failure that is not damage: not news (the main connection works).
            }
            std::lock_guard lock(check.mutex);
            check.running = nullptr;  // before `store` closes the connection
        } catch (const StoreError& e) {
            // Only damage matters here (a lock, say, is not news: the main connection is working).
            if (e.kind() == StoreError::Kind::Corrupt) problem = e.what();
        }
        glfwPostEmptyEvent();
        return problem;
    });
}

// A corrupt database found by the background check: stop using it (never write into a damaged
// file) and show why, like a database that failed to open.
void collectIntegrityCheck(ui::AppState& app, IntegrityCheck* check) {
    if (!check || !check->result.valid()) return;
    if (check->result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    std::string problem = check->result.get();
    if (problem.empty()) return;
    app.store->leaveUntouchedOnClose();  // closing must not checkpoint what may be someone else's -wal
    app.store.reset();
    app.store_error = problem;
}

// The UI asks for sounds every frame it wants them (a call ringing, a chat waiting): the ring
// follows that request, and a chat chimes once when it starts waiting. The Sound setting mutes both.
void playRequestedSounds(audio::SoundPlayer& sounds, const ui::AppState& app, bool& chime_was_requested) {
    sounds.setRinging(app.requests.ring && app.prefs.sound);
    if (app.requests.chime && !chime_was_requested && app.prefs.sound) sounds.playChime();
    chime_was_requested = app.requests.chime;
}

// `after_first_frame` runs once the trainee can see the desk (background work starts there).
int mainLoop(Window& win, ui::AppState& app, int exit_after_frames, IntegrityCheck* integrity,
             audio::SoundPlayer& sounds, const std::function<void()>& after_first_frame) {
    long long frames = 0;  // rendered so far (a long-running app never overflows it)
    bool chime_was_requested = false;
    UiTrace trace;
    while (!glfwWindowShouldClose(win.handle) && !app.requests.quit) {
        collectIntegrityCheck(app, integrity);
        if (glfwGetWindowAttrib(win.handle, GLFW_ICONIFIED)) {
            glfwWaitEvents();  // minimised: nothing to draw until something happens
            continue;
        }
        renderFrame(win, app);
        ++frames;
        playRequestedSounds(sounds, app, chime_was_requested);
        if (frames == 1 && after_first_frame) after_first_frame();
        trace.afterFrame();
        if (exit_after_frames > 0 && frames >= exit_after_frames) break;
        const double now = glfwGetTime();
        if (app.animating || now < win.clock.full_rate_until) {
            glfwPollEvents();  // vsync paces these frames
        } else {
            // Idle: sleep until input, or until a timer on screen needs its next tick.
            if (app.wake_in >= 0) glfwWaitEventsTimeout(std::clamp(app.wake_in, 0.01, 1.0));
            else glfwWaitEvents();
        }
    }
    return 0;
}

// ---- screenshot mode ------------------------------------------------------------------------------

// The Team screens show a center, not one trainee: a demo center of 48 agents is added to the
// temporary database (the demo trainee stays, as the manager at this desk).
void seedDemoCenter(ui::AppState& app) {
    DemoOptions center;
    center.trainees = 48;
    center.attempts = 4000;
    center.days = 120;
    center.allow_existing = true;
    try {
        buildDemoCenter(*app.store, app.content, ui::certificationPolicies(app), center);
    } catch (const std::exception& e) {
        std::cerr << "frontline: could not build the demo center: " << e.what() << "\n";
    }
}

int screenshotMode(Window& win, ui::AppState& app, const GuiOptions& o) {
    std::error_code ec;
    std::filesystem::create_directories(o.screenshot_dir, ec);
    bool ok = true;
    bool seeded = false, center = false;
    for (const auto& name : o.screenshot_screens) {
        // The welcome screen needs an empty database; everything else the demo trainee's history.
        if (name != "welcome" && !seeded) {
            ui::seedDemo(app);
            seeded = true;
        }
        if (name.rfind("team", 0) == 0 && !center) {
            seedDemoCenter(app);
            center = true;
        }
        if (!ui::stageDemoScreen(app, name)) {
            std::cerr << "frontline: could not stage the '" << name << "' screen (no content?)\n";
            ok = false;
            continue;
        }
        // A few frames let layout settle (auto-sized columns, scroll to the newest line).
        for (int i = 0; i < 4; ++i) {
            glfwPollEvents();
            renderFrame(win, app);
        }
        const auto png = o.screenshot_dir / (name + ".png");
        glfwPollEvents();
        renderFrame(win, app, png);
        std::cout << png.string() << "\n";
    }
    return ok ? 0 : 1;
}

// ---- runGui ---------------------------------------------------------------------------------------

// Loading normally ends before the window is open. When it does not (a first start that upgrades
// a long history, a slow disk), the window shows plain paper and stays responsive instead of
// showing whatever was in video memory, and its title says why it waits.
void waitShowingPaper(Window& win, std::future<void>& loading) {
    constexpr auto kPoll = std::chrono::milliseconds(30);
    if (loading.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready) return;
    const auto since = std::chrono::steady_clock::now();
    bool titled = false;
    while (loading.wait_for(kPoll) != std::future_status::ready) {
        clearToPaper(win);
        glfwSwapBuffers(win.handle);
        glfwPollEvents();
        if (!titled && std::chrono::steady_clock::now() - since > std::chrono::milliseconds(300)) {
            glfwSetWindowTitle(win.handle, tr("Frontline - opening your training records..."));
            titled = true;
        }
    }
    if (titled) glfwSetWindowTitle(win.handle, tr(kWindowTitle));
}

// Everything the desk shows, from disk: content, the database, settings, the trainee and their
// summary. Runs on the loading thread; touches nothing but `app`.
void loadDesk(ui::AppState& app, const GuiOptions& o, const std::string& db, bool screenshots) {
    // Path exploration is an authoring check (`frontline validate`, CI); the app needs only the
    // structural checks, which keeps start-up fast.
    app.content = loadContent(o.content.empty() ? ContentPaths::bundled() : ContentPaths::at(o.content), false, i18n::language());
    app.content_language = i18n::language();
    if (!app.content.sop_loaded) std::cerr << "frontline: " << tr("warning: the SOP did not load; see the Scenarios screen") << "\n";
    // Seeds: reproducible within a run (tests), different between runs (practice).
    app.next_seed = screenshots ? 42 : static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    try {
        // The full-file integrity check runs after the first frame (see startIntegrityCheck).
        app.store.emplace(openStore(db, StoreOptions{5000, false}));
    } catch (const StoreError& e) {
        app.store_error = std::string(e.what()) + "\n(" + displayLocator(db) + ")";
    }
    if (!screenshots) ui::openApp(app, o.trainee);
    else ui::openApp(app);
}

}  // namespace

int runGui(int argc, char** argv) {
    StartupTrace trace;
    GuiOptions o;
    if (!parseOptions(argc, argv, o)) return 2;
    const bool screenshots = !o.screenshot_dir.empty();

    // Screenshots never touch a real database: they use a temporary one, removed on the way out.
    struct TempDatabase {
        std::filesystem::path path;
        ~TempDatabase() {
            std::error_code ec;
            if (!path.empty())
                for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
        }
    } temp_db;
    std::string db;
    if (screenshots) {
        temp_db.path = std::filesystem::temp_directory_path() / ("frontline-screens-" + std::to_string(getpid()) + ".db");
        std::filesystem::remove(temp_db.path);
        db = temp_db.path.string();
    } else {
        try {
            db = databaseLocator(o.db.empty() ? std::nullopt : std::optional<std::string>(o.db));
        } catch (const StoreError& e) {  // a desk settings file IT got wrong
            std::cerr << "frontline: " << e.what() << "\n";
            return 1;
        }
    }

    // Loading the desk and opening a GL window take tens of milliseconds each and need different
    // things (disk and CPU; the X server and the driver), so they overlap: a loading thread fills
    // `app` and builds the fonts while this thread opens the window, and nothing here touches
    // either until loading.get().
    ui::AppState app;
    if (!o.language.empty()) {
        app.startup_language = o.language;
        app.language_forced = true;
    }
    auto atlas = std::make_unique<ImFontAtlas>();
    Window win;  // declared after the atlas: the ImGui context goes first
    if (!initGlfw()) return 1;
    const float monitor_scale = platform::monitorScale();  // GLFW calls stay on this thread
    float font_scale = monitor_scale;
    auto loading = std::async(std::launch::async, [&] {
        loadDesk(app, o, db, screenshots);
        trace.mark("desk loaded (other thread)");
        font_scale = monitor_scale * app.prefs.ui_scale;
        ui::buildFontAtlas(*atlas, font_scale, ui::atlasCodepoints(app));
        trace.mark("fonts built (other thread)");
    });
    const bool opened = openWindow(win, o, !screenshots);
    trace.mark("window open");
    if (opened) waitShowingPaper(win, loading);
    loading.get();  // also rethrows what the loading thread threw
    if (!opened) return 1;
    ui::applyLanguage(app);  // here, on the main thread (it sets LANGUAGE), before the first frame
    glfwSetWindowTitle(win.handle, tr(kWindowTitle));
    startImGui(win, atlas.get(), font_scale);
    // The fonts were built for the primary monitor; a window on another one rebuilds them.
    if (platform::windowScale(win.handle) != monitor_scale) win.clock.rescale = true;

    audio::SoundPlayer sounds;  // opens the audio device only when a first sound is wanted
    IntegrityCheck integrity;
    auto first_frame = [&] {
        trace.mark("first frame");
        if (app.store) startIntegrityCheck(integrity, db);
    };
    return screenshots ? screenshotMode(win, app, o) : mainLoop(win, app, o.exit_after_frames, &integrity, sounds, first_frame);
}

}  // namespace frontline
