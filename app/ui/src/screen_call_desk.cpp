// The call desk: a ringing call, then the conversation beside the agent desk, then the wrap-up
// (the layout is the one the email desk shares: single_desk.cpp).
#include "frontline/ui/icons.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

void drawCallDeskScreen(AppState& app) {
    drawSingleDesk(app, {tr("No call in progress."), icon::kComment, tr("Your move"), tr("click, or press 1-9"), 0.5f});
}

}  // namespace frontline::ui
