from django.urls import path

from ipshield.core import views
from ipshield.core.region_picker import region_picker_view

app_name = "core"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("work/", views.home, name="home"),
    path("account/", views.account_view, name="account"),
    path("account/verify/", views.verify_view, name="verify"),
    # Self-service password reset by e-mail (the account's address); a reset ends the API tokens too.
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("password-reset/done/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("files/<int:pk>/", views.attachment_download_view, name="attachment"),
    path("jobs/<int:pk>/", views.job_view, name="job"),
    path("audit/", views.audit_log_view, name="audit_log"),
    path("regions/picker/", region_picker_view, name="region_picker"),
    path("healthz", views.healthz, name="healthz"),
    path("csp-report/", views.csp_report_view, name="csp_report"),
]
