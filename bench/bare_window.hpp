#pragma once
// The floor of the window benchmarks: a bare GLFW + ImGui (OpenGL 3) window from the same Debian
// packages as the app, drawing one line of text in a window that fills it (from the first frame). `frames` > 0 draws that many frames and exits
// (start-up floor); 0 keeps drawing, waiting for events like the app, until closed (idle floor).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace frontline::bench {

inline int bareImGuiWindow(int frames) {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "floor", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    if (frames == 0) glfwSwapInterval(1);  // the idle floor paces like the app; start-up needs one frame
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    for (int drawn = 0; frames == 0 ? !glfwWindowShouldClose(window) : drawn < frames; ++drawn) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        // A window that fills the viewport, as the app's does. Placed and sized explicitly: a new
        // auto-sized window is hidden on its first frame, so the floor would draw nothing then and
        // never pay for the GL pipeline's first draw, which every real first frame pays.
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("floor", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::Text("Reading...");
        ImGui::End();
        ImGui::Render();
        if (ImGui::GetDrawData()->TotalVtxCount == 0) return 3;  // a floor that draws nothing measures nothing
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        if (frames == 0) glfwWaitEventsTimeout(1.0);  // the same idle policy as the app
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

}  // namespace frontline::bench
