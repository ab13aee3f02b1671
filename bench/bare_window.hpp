#pragma once
// The floor of the window benchmarks: a bare GLFW + ImGui (OpenGL 3) window from the same Debian
// packages as the app, drawing one line of text. `frames` > 0 draws that many frames and exits
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
        ImGui::Begin("floor");
        ImGui::Text("Reading...");
        ImGui::End();
        ImGui::Render();
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
