// The email desk: a message waiting in the queue (the reply target is the organisation's, in
// hours), then the customer's email beside the agent desk, where the reply is written part by
// part, then the wrap-up. Nobody is watching the agent type, so silence costs nothing here.
#include "frontline/ui/icons.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

void drawEmailDeskScreen(AppState& app) {
    // The parts of a reply are long: they get most of the column, the email scrolls above them.
    drawSingleDesk(app, {tr("No email open."), icon::kPaperPlane, tr("Your reply"), tr("write it part by part: click, or press 1-9"), 0.34f});
}

}  // namespace frontline::ui
