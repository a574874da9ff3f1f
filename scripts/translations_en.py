"""English for every Chinese msgid. `python scripts/fill_translations.py` writes them into the .po
file for entries that are still empty; translators then keep the .po file as the source."""

EN = {
    "提交的数据有误，请检查标出的字段。": "The submitted data has errors; check the marked fields.",
    "需要登录或有效的接口令牌。": "Log in or send a valid API token.",
    "您的角色不能执行此操作。": "Your role cannot do this.",
    "未找到该记录。": "Record not found.",
    "线索": "Lead",
    "已立案": "Filed",
    "调查中": "Investigating",
    "已作出处罚决定": "Penalty decided",
    "已结案": "Closed",
    "不予立案": "Not filed",
    "已移送司法机关": "Transferred to the judiciary",
    "已撤销": "Withdrawn",
    "立案": "File the case",
    "延长立案审查期限": "Extend the filing review period",
    "开始调查": "Start investigation",
    "延长办案期限": "Extend the handling period",
    "作出处罚决定": "Decide the penalty",
    "结案": "Close the case",
    "移送司法机关": "Transfer to the judiciary",
    "撤销": "Withdraw",
    "实体市场": "Physical market",
    "网络平台": "Online platform",
    "进出口": "Import/export",
    "展会": "Exhibition",
    "农村市场": "Rural market",
    "生产加工场所": "Production site",
    "其他": "Other",
    "企业或其他组织": "Enterprise or organisation",
    "自然人": "Natural person",
    "警告": "Warning",
    "罚款": "Fine",
    "没收违法所得": "Confiscation of illegal gains",
    "没收非法财物": "Confiscation of illegal goods",
    "责令停产停业": "Order to suspend production or business",
    "吊销许可证件": "Licence revoked",
    "涉嫌犯罪": "Suspected crime",
    "未达标准": "Below threshold",
    "无法判定": "Undetermined",
    "未筛查": "Not screened",
    "未查明": "Not established",
    "是": "Yes",
    "否": "No",
    "涉嫌罪名": "Suspected offence",
    "区划代码": "Region code",
    "（不涉及或待定）": "(none or to be decided)",
    "选择罪名后须填写违法行为日期，用于确定适用的标准版本。": "With an offence, enter the date of the conduct: it decides which version of the thresholds applies.",
    "当事人类型": "Party type",
    "名称/姓名": "Name",
    "统一社会信用代码": "Unified social credit code",
    "公民身份号码": "Resident ID number",
    "法定代表人": "Legal representative",
    "地址": "Address",
    "联系电话": "Phone",
    "企业当事人须填写统一社会信用代码。": "An enterprise party needs its unified social credit code.",
    "处罚种类": "Kinds of penalty",
    "处罚决定书文号": "Penalty decision number",
    "罚款金额（元）": "Fine (yuan)",
    "没收违法所得（元）": "Confiscated gains (yuan)",
    "处罚依据": "Legal basis of the penalty",
    "搜索": "Search",
    "状态": "Status",
    "专项领域": "Campaign domain",
    "罪名": "Offence",
    "筛查结果": "Screening",
    "仅看逾期": "Overdue only",
    "全部": "All",
    "案件台账（Excel .xlsx）": "Case ledger (Excel .xlsx)",
    "跳过有错误的行，只导入正确的行": "Skip rows with errors and import the valid rows",
    "缺少案件名称": "Case name missing",
    "专项领域无效：%(v)s": "Invalid campaign domain: %(v)s",
    "渠道无效：%(v)s": "Invalid channel: %(v)s",
    "日期格式应为 YYYY-MM-DD": "Dates must be YYYY-MM-DD",
    "%(m)s 应为数字": "%(m)s must be a number",
    "无法读取该文件，请上传由模板填写的 .xlsx 文件。": "This file cannot be read; upload an .xlsx file filled in from the template.",
    "表头与模板不一致，请下载模板后填写。": "The header row does not match the template; download the template and fill it in.",
    "办案机构": "Handling agency",
    "案件编号": "Case number",
    "案件名称": "Case name",
    "产品类别": "Product category",
    "渠道": "Channel",
    "刑事罪名代码，用于立案标准筛查": "Criminal offence code, used for threshold screening",
    "违法行为日期": "Date of conduct",
    "权利人": "Right holder",
    "涉案商品": "Goods involved",
    "案情简述": "Summary of facts",
    "涉案数额与情节": "Amounts and circumstances",
    "线索收到时间": "Lead received",
    "立案时间": "Filed at",
    "处罚决定时间": "Penalty decided at",
    "结案时间": "Closed at",
    "立案审查期限已延长": "Filing review period extended",
    "办案期限已延长": "Handling period extended",
    "立案决定期限": "Filing decision due",
    "处罚决定期限": "Penalty decision due",
    "不移送理由": "Reason for not transferring",
    "涉嫌犯罪案件仅作行政处罚结案时必须说明理由": "Required when a suspected-crime case is closed with an administrative penalty only",
    "筛查时间": "Screened at",
    "首次筛查为涉嫌犯罪的时间": "First screened as a suspected crime",
    "案件": "Cases",
    "类型": "Type",
    "当事人": "Parties",
    "物品名称": "Item",
    "数量": "Quantity",
    "单位": "Unit",
    "价值（元）": "Value (yuan)",
    "涉案物品": "Seized items",
    "只有本案办案机构的相应人员可以执行此操作。": "Only the responsible staff of the handling agency can do this.",
    "未知的罪名代码：%(offence)s": "Unknown offence: %(offence)s",
    "指标 %(metric)s 的值无效：%(reason)s": "Invalid value for %(metric)s: %(reason)s",
    "只有行政执法机构的人员可以登记案件。": "Only staff of an administrative enforcement agency can record cases.",
    "当前状态（%(status)s）不能执行“%(event)s”。": "“%(event)s” is not possible in the current status (%(status)s).",
    "立案审查期限只能延长一次。": "The filing review period can be extended only once.",
    "办案期限只能经负责人批准延长一次（再延长须集体讨论）。": "The handling period can be extended once with the head's approval (further extensions need a collective decision).",
    "请至少选择一种处罚种类。": "Choose at least one kind of penalty.",
    "请填写处罚决定书文号。": "Enter the penalty decision number.",
    "选择罚款时必须填写罚款金额。": "Enter the amount of the fine.",
    "案件已登记：%(number)s": "Case recorded: %(number)s",
    "已保存。": "Saved.",
    "未知的操作。": "Unknown action.",
    "操作已完成：%(event)s": "Done: %(event)s",
    "已添加当事人。": "Party added.",
    "请选择要上传的文件。": "Choose a file to upload.",
    "已上传，SHA-256：%(hash)s": "Uploaded, SHA-256: %(hash)s",
    "未知字段。": "Unknown field.",
    "已导入 %(n)s 个案件。": "%(n)s cases imported.",
    "已逾期的案件": "Overdue cases",
    "一个工作日内到期": "Due within one working day",
    "涉嫌犯罪、尚未移送": "Suspected crimes not yet transferred",
    "涉嫌犯罪但仅作行政处罚结案": "Suspected crimes closed with an administrative penalty only",
    "机构与角色": "Agency and role",
    "登录失败次数过多，请稍后再试。": "Too many failed logins; try again later.",
    "用户名或密码错误。": "Wrong username or password.",
    "文件超过大小上限 %(limit)s MB。": "The file is larger than the %(limit)s MB limit.",
    "文件为空。": "The file is empty.",
    "执法人员": "Officer",
    "负责人": "Agency head",
    "公安": "Police",
    "检察": "Procurator",
    "法院": "Court clerk",
    "领导小组办公室": "Leading-group office",
    "认证机构": "Certification body",
    "银行": "Bank",
    "系统管理员": "System administrator",
    "市场监督管理": "Market regulation",
    "版权": "Copyright",
    "知识产权局": "IP office",
    "海关": "Customs",
    "检验检疫": "Inspection and quarantine",
    "药品监督管理": "Drug administration",
    "农业农村": "Agriculture",
    "林业": "Forestry",
    "质量技术监督": "Quality supervision",
    "文化": "Culture",
    "商务": "Commerce",
    "通信管理": "Telecom",
    "公安机关": "Public security",
    "人民检察院": "Procuratorate",
    "人民法院": "Court",
    "认证监管": "Certification regulator",
    "国家级": "National",
    "省级": "Province",
    "地市级": "Prefecture",
    "县级": "County",
    "商标权": "Trademarks",
    "专利权": "Patents",
    "网络商品交易": "Online trade",
    "药品化妆品": "Drugs and cosmetics",
    "农资": "Agricultural inputs",
    "汽车配件": "Auto parts",
    "地理标志": "Geographical indications",
    "有机产品认证": "Organic certification",
    "商业秘密": "Trade secrets",
    "我的工作": "My work",
    "立案标准筛查": "Threshold screening",
    "后台管理": "Administration",
    "统一社会信用代码应为18位。": "A unified social credit code has 18 characters.",
    "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）。": "The unified social credit code contains characters that are not allowed (I, O, Z, S, V are never used).",
    "统一社会信用代码校验位不正确，请核对。": "The check character of the unified social credit code is wrong; please check it.",
    "统一社会信用代码中的组织机构代码校验位不正确。": "The check digit of the organisation code inside the unified social credit code is wrong.",
    "公民身份号码应为18位。": "A resident ID number has 18 characters.",
    "公民身份号码只能包含数字，最后一位可以是 X。": "A resident ID number has digits only; the last may be X.",
    "公民身份号码中的出生日期无效。": "The date of birth in the resident ID number is invalid.",
    "公民身份号码校验位不正确，请核对。": "The check digit of the resident ID number is wrong; please check it.",
    "用户名": "Username",
    "密码": "Password",
    "该账号已停用。": "This account is disabled.",
    "未知的行政区划代码：%(code)s": "Unknown region code: %(code)s",
    "名称": "Name",
    "级别": "Level",
    "行政区划": "Region",
    "机构代码": "Agency code",
    "类别": "Kind",
    "启用": "Active",
    "机构": "Agency",
    "角色": "Role",
    "所属机构": "Agency",
    "姓名": "Name",
    "用户": "User",
    "除系统管理员外，每个用户必须属于一个机构。": "Every user except system administrators belongs to an agency.",
    "接口令牌": "API token",
    "审计事件": "Audit event",
    "文件内容": "File content",
    "文件名": "File name",
    "说明": "Description",
    "附件": "Attachment",
    "规则文件（YAML）": "Rule file (YAML)",
    "规则已加载并生效（按各版本的生效日期）。": "Rules loaded; each version takes effect on its valid_from date.",
    "加载新的规则版本": "Load new rule versions",
    "处理日期不能早于行为日期。": "The handling date cannot be before the date of conduct.",
    "未知的指标：%(metric)s": "Unknown metric: %(metric)s",
    "处理日期": "Handling date",
    "留空为今天": "Empty means today",
    "加载时间": "Loaded at",
    "YAML 内容": "YAML content",
    "规则修订": "Rule amendment",
    "涉嫌犯罪，应当移送": "Suspected crime: must be transferred",
    "未达到立案追诉标准": "Below the prosecution thresholds",
    "适用规则版本": "Rule version applied",
    "请检查标出的字段。": "Check the marked fields.",
    "校验并加载": "Validate and load",
    "立案追诉标准筛查": "Prosecution threshold screening",
    "筛查": "Screen",
    "知识产权保护与打击假冒协同平台": "IP protection and anti-counterfeiting platform",
    "知识产权保护协同平台": "IP protection platform",
    "主导航": "Main navigation",
    "退出": "Log out",
    "工作人员登录": "Staff login",
    "依据《行政执法机关移送涉嫌犯罪案件的规定》及相关司法解释建设。": "Built on the State Council rules on transferring suspected crimes and the related judicial interpretations.",
    "选择罪名后填写对应的涉案数额和情节。": "Choose an offence, then enter its amounts and circumstances.",
    "共 %(n)s 个案件": ("%(n)s case", "%(n)s cases"),
    "不支持的文件类型（按文件内容判断）。允许：PDF、PNG、JPEG、GIF、WebP、Word、Excel。": "File type not allowed (judged by its content). Allowed: PDF, PNG, JPEG, GIF, WebP, Word, Excel.",
    "期限": "Deadline",
    "当前期限": "Running deadline",
    "立案决定逾期": "Filing decision overdue",
    "处罚决定逾期": "Penalty decision overdue",
    "没有符合条件的案件。": "No cases match.",
    "上一页": "Previous",
    "第 %(n)s / %(total)s 页": "Page %(n)s of %(total)s",
    "下一页": "Next",
    "修改": "Edit",
    "无法判定是否涉嫌犯罪": "Cannot decide whether this is a suspected crime",
    "接近立案追诉标准": "Close to the prosecution threshold",
    "案件信息": "Case details",
    "法定期限": "Statutory deadlines",
    "已逾期": "Overdue",
    "即将到期": "Due soon",
    "剩余 %(n)s 个工作日": "%(n)s working days left",
    "当前没有进行中的法定期限。": "No statutory deadline is running.",
    "办理": "Actions",
    "不移送理由（涉嫌犯罪案件必填）": "Reason for not transferring (required for a suspected crime)",
    "尚未登记当事人。": "No parties recorded yet.",
    "添加当事人": "Add a party",
    "添加": "Add",
    "证据材料": "Evidence",
    "大小": "Size",
    "暂无附件。": "No attachments yet.",
    "上传": "Upload",
    "筛查记录": "Screening history",
    "时间": "Time",
    "结果": "Result",
    "规则版本": "Rule version",
    "尚未筛查（须填写罪名和违法行为日期）。": "Not screened yet (enter the offence and the date of conduct).",
    "登记案件": "Record a case",
    "修改案件": "Edit case",
    "基本信息": "Basic information",
    "这些数据用于刑事立案追诉标准筛查，保存后立即重新筛查。": "These figures are screened against the prosecution thresholds; saving screens the case again.",
    "当事人（可选）": "Party (optional)",
    "保存": "Save",
    "导入案件台账": "Import a case ledger",
    "请先下载模板，按模板填写后上传。任何一行有错误时，默认不导入任何数据。": "Download the template, fill it in and upload it. If any row has an error, nothing is imported unless you choose otherwise.",
    "下载模板": "Download the template",
    "上传并导入": "Upload and import",
    "共 %(rows)s 行，已导入 %(imported)s 行。": "%(rows)s rows, %(imported)s imported.",
    "行号": "Row",
    "错误": "Errors",
    "查询": "Search",
    "导入台账": "Import ledger",
    "导出 Excel": "Export Excel",
    "导出 CSV": "Export CSV",
    "目前没有待办事项。": "Nothing to do right now.",
    "登录已暂时锁定": "Login temporarily locked",
    "登录失败次数过多，请15分钟后再试，或联系系统管理员。": "Too many failed logins. Try again in 15 minutes or contact your system administrator.",
    "登录": "Log in",
    "打击侵犯知识产权和制售假冒伪劣商品": "Fighting IP infringement and counterfeit goods",
    "公众可以在这里举报线索、查询处罚案件信息、查询企业诚信状况和核验有机产品认证标志。": "Here the public can report infringements, look up penalty decisions, check an enterprise's integrity record and verify organic marks.",
    "立案追诉标准查询": "Prosecution threshold check",
    "输入涉案数额和情节，查看是否达到刑事立案追诉标准及依据。": "Enter the amounts and circumstances to see whether the criminal prosecution thresholds are met, and why.",
    "举报投诉": "Report an infringement",
    "举报假冒伪劣和侵权线索（即将开放）。": "Report counterfeits and infringements (coming soon).",
    "处罚案件公开": "Penalty disclosures",
    "查询行政处罚案件信息（即将开放）。": "Search administrative penalty decisions (coming soon).",
    "企业诚信查询": "Enterprise integrity",
    "按名称或统一社会信用代码查询失信名单（即将开放）。": "Look up the blacklist by name or unified social credit code (coming soon).",
    "按行为日期适用当时有效的标准；处理时标准更轻的，两者均达到才认定涉嫌犯罪（从旧兼从轻）。": "The thresholds in force on the date of conduct apply; where the thresholds at handling are more lenient, "
    "a case is suspected only if it meets both (the more lenient law applies).",
    "根据涉案数额和情节，本案达到刑事立案追诉标准。依照《行政执法机关移送涉嫌犯罪案件的规定》，不得以行政处罚代替移送。": "By its amounts and circumstances this case meets the criminal prosecution thresholds. Under the State "
    "Council rules on transfers, an administrative penalty may not replace the transfer.",
}

EN.update(
    {
        "司法机关退回，继续行政处理": "Returned by the judiciary; administrative handling resumes",
        "移送": "Transfers",
        "监督": "Supervision",
        "消息": "Inbox",
        "提请移送": "Propose a transfer",
        "抄送": "Copy to",
        "当前环节期限": "Deadline of the current step",
        "应办理方": "Must act",
        "理由": "Reason",
        "收到的证据清单哈希（可选，核对用）": "Hash of the evidence manifest received (optional, to check)",
        "当前没有需要您办理的环节。": "Nothing for you to do on this transfer now.",
        "文书": "Documents",
        "移送报告": "Transfer report",
        "专案组成员": "Special group",
        "不批准理由": "Reason for not approving",
        "复议理由": "Grounds for reconsideration",
        "不立案理由说明": "Explanation of not opening a case",
        "证据清单哈希": "Evidence manifest hash",
        "接收方确认": "Confirmed by the receiver",
        "一致": "Matches",
        "办理经过": "History",
        "环节": "Step",
        "逾期办理": "Late",
        "证据清单": "Evidence manifest",
        "刑事程序（按人登记）": "Criminal procedure (per person)",
        "涉案人员 %(n)s 人": ("%(n)s person involved", "%(n)s persons involved"),
        "涉案人员": "Person",
        "登记机关": "Recorded by",
        "登记环节": "Record a step",
        "检察监督": "Procuratorial supervision",
        "已回复": "Replied",
        "没有消息。": "No messages.",
        "移送机关": "Transferring agency",
        "没有移送记录。": "No transfers.",
        "依据国务院令第310号第5条：应当立即指定2名以上行政执法人员组成专案组，写出移送报告，报负责人在3日内决定。": "State Council Decree 310 art.5: at once assign a special group of two or more officers who write a "
        "transfer report; the head decides within 3 days.",
        "监督意见": "Supervision opinion",
        "发出": "Send",
        "没有需要监督的事项。": "Nothing to supervise.",
        "被监督机关": "Supervised agency",
        "回复期限": "Reply due",
        "回复": "Reply",
        "已提请移送": "Proposed",
        "负责人不批准移送": "Not approved by the head",
        "负责人已批准": "Approved by the head",
        "已提请复议": "Reconsideration requested",
        "已建议检察院立案监督": "Supervision proposed to the procuratorate",
        "检察院要求说明不立案理由": "Procuratorate asked for the reasons",
        "检察院已通知立案": "Procuratorate ordered a case",
        "检察院同意不立案": "Procuratorate agreed: no case",
        "已退回行政机关处理": "Returned to the agency",
        "批准移送": "Approve",
        "不批准移送": "Refuse",
        "接收（回执）": "Receive (receipt)",
        "提请复议": "Request reconsideration",
        "建议检察院立案监督": "Propose supervision",
        "要求说明不立案理由": "Ask for the reasons",
        "说明不立案理由": "Explain the refusal",
        "同意不立案": "Agree: no case",
        "退回行政机关处理": "Return to the agency",
        "知识产权案件合理怀疑涉嫌犯罪（需公安机关采取措施查明）": "IP case reasonably suspected of a crime (police measures needed to establish it)",
        "刑事拘留": "Criminal detention",
        "提请批准逮捕": "Arrest requested",
        "批准逮捕": "Arrest approved",
        "不批准逮捕": "Arrest refused",
        "提起公诉": "Prosecuted",
        "不起诉": "Not prosecuted",
        "判决": "Judgment",
        "应移未移": "Suspected crimes not transferred",
        "以罚代刑": "Penalty instead of transfer",
        "不立案待复议或监督": "Refusals awaiting reconsideration or supervision",
        "提请复议书": "Request for reconsideration",
        "立案监督建议书": "Proposal for case-opening supervision",
        "专案组成员（两名以上）": "Special group (two or more officers)",
        "移送依据": "Ground",
        "移送报告（涉嫌犯罪的事实、证据和法律依据）": "Transfer report (facts, evidence and legal basis)",
        "抄送的检察院": "Procuratorate copied",
        "移送报告（涉嫌犯罪的事实与证据）": "Transfer report (facts and evidence)",
        "提请时间": "Proposed at",
        "进入当前状态的时间": "In this status since",
        "批准时间": "Approved at",
        "移送时间": "Sent at",
        "接收时间": "Received at",
        "提请复议时间": "Reconsideration requested at",
        "建议监督时间": "Supervision proposed at",
        "办结时间": "Closed at",
        "退回理由": "Reason for returning",
        "接收方确认的清单哈希": "Manifest hash confirmed by the receiver",
        "刑事程序环节": "Criminal step",
        "监督事项": "Supervision matter",
        "回复时间": "Replied at",
        "监督记录": "Supervision record",
        "您的机构或角色不能办理此环节。": "Your agency or role cannot take this step.",
        "专案组须由本机构两名以上执法人员组成（国务院令第310号第5条）。": "The special group needs two or more officers of this agency (Decree 310 art.5).",
        "请填写移送报告：涉嫌犯罪的事实、证据和法律依据。": "Write the transfer report: the facts, the evidence and the legal basis.",
        "“合理怀疑”移送只适用于知识产权案件（国务院令第730号）。": "Transfer on reasonable suspicion applies to IP cases only (Decree 730).",
        "只有已立案、调查中或已作出处罚决定的案件可以移送。": "Only filed, investigating or decided cases can be transferred.",
        "找不到同级公安机关，请联系系统管理员登记。": "No police agency at this level is registered; ask your system administrator.",
        "本案已有进行中的移送。": "This case already has a transfer in progress.",
        "待批准的移送：%(n)s": "Transfer to approve: %(n)s",
        "此环节须写明理由。": "This step needs a reason.",
        "接收的证据清单与移送的清单不一致（哈希不同），请与移送机关核对。": "The evidence manifest received differs from the one sent (different hash); check with the sender.",
        "移送抄送：%(n)s": "Transfer copied to you: %(n)s",
        "未知的环节：%(k)s": "Unknown step: %(k)s",
        "公安机关立案后才能登记刑事程序环节。": "Criminal steps can be recorded only after the police open a case.",
        "请填写涉案人员姓名（刑事环节按人登记）。": "Enter the person's name (criminal steps are recorded per person).",
        "该当事人不属于本案。": "This party does not belong to the case.",
        "刑事程序进展（%(k)s）：%(n)s": "Criminal procedure (%(k)s): %(n)s",
        "只有检察机关可以开展监督。": "Only a procuratorate can supervise.",
        "未知的监督事项。": "Unknown supervision matter.",
        "请填写监督意见。": "Write the supervision opinion.",
        "检察监督意见：%(n)s": "Procuratorial opinion: %(n)s",
        "只有被监督机关可以回复。": "Only the supervised agency can reply.",
        "请填写回复内容。": "Write a reply.",
        "该监督意见已回复。": "This opinion has already been answered.",
        "已提请移送，等待负责人在3日内决定。": "Transfer proposed; the head decides within 3 days.",
        "已办理：%(a)s": "Done: %(a)s",
        "已登记。": "Recorded.",
        "监督意见已发出，回复期限：%(d)s": "Opinion sent; reply due %(d)s",
        "已回复。": "Replied.",
        "待批准的移送（3日内）": "Transfers to approve (3 days)",
        "已批准待移送（24小时内）": "Approved, to send (24 hours)",
        "不予立案待复议或建议监督": "Refused: reconsider or propose supervision",
        "待决定是否立案的移送（3日内）": "Transfers awaiting your decision (3 days)",
        "逾期的移送环节": "Overdue transfer steps",
        "应移未移（监督）": "Not transferred (supervision)",
        "不立案待监督": "Refusals awaiting supervision",
        "移送已批准，须在24小时内移送：%(n)s": "Transfer approved, send within 24 hours: %(n)s",
        "移送未获批准：%(n)s": "Transfer not approved: %(n)s",
        "收到涉嫌犯罪案件移送：%(n)s": "Transfer received: %(n)s",
        "公安机关已立案：%(n)s": "Police opened a case: %(n)s",
        "公安机关不予立案：%(n)s": "Police refused to open a case: %(n)s",
        "行政机关提请复议：%(n)s": "Reconsideration requested: %(n)s",
        "复议维持不予立案：%(n)s": "Refusal upheld: %(n)s",
        "建议立案监督：%(n)s": "Supervision proposed: %(n)s",
        "检察院要求说明不立案理由：%(n)s": "Procuratorate asks for the reasons: %(n)s",
        "公安机关已说明不立案理由：%(n)s": "Police explained the refusal: %(n)s",
        "检察院同意不立案，案件退回：%(n)s": "No case agreed; the case returns: %(n)s",
        "检察院通知立案（15日内）：%(n)s": "Ordered to open a case (15 days): %(n)s",
        "司法机关退回案件，继续行政处理：%(n)s": "Returned by the judiciary for administrative handling: %(n)s",
        "涉嫌犯罪（达到追诉标准）": "Suspected crime (thresholds met)",
        "涉案物品移交": "Seized items handed over",
        "已移送公安机关": "Sent to the police",
        "公安机关已接收": "Received by the police",
        "公安机关已立案": "Police opened a case",
        "公安机关不予立案": "Police refused",
        "复议维持不予立案": "Refusal upheld",
        "公安机关已说明理由": "Police explained",
        "逾期环节": "Overdue steps",
        "接收的公安机关": "Receiving police",
        "刑事案件编号（可选）": "Criminal case number (optional)",
        "刑事案件编号": "Criminal case number",
        "未知的操作：%(a)s": "Unknown action: %(a)s",
        "检察院": "Procuratorate",
        "共 %(n)s 件": ("%(n)s item", "%(n)s items"),
        "名称": "Name",
        "上传人": "Uploaded by",
        "期限将至（%(due)s）：%(n)s %(status)s": "Due soon (%(due)s): %(n)s %(status)s",
    }
)

EN.update(
    {
        "文件超过大小上限 %(limit)s。": "The file is larger than the %(limit)s limit.",
        "举报": "Tips",
        "举报假冒伪劣和侵权线索，可匿名，凭查询编号和密码查看办理结果。": "Report counterfeits and infringements, anonymously if you wish; follow the handling with your tracking number and passphrase.",
        "举报查询": "Follow a report",
        "用查询编号和查询密码查看举报的办理进度和回复。": "See the progress of a report and the replies with its tracking number and passphrase.",
        "受理期限": "Acceptance due",
        "举报内容": "Report",
        "被举报对象": "Reported party",
        "网址或网店链接": "Website or shop link",
        "地点": "Place",
        "举报人": "Reporter",
        "匿名": "Anonymous",
        "查看实名信息（将被记录）": "Show the reporter's identity (logged)",
        "实名（仅承办机构可见）": "Named (visible to the handling agency only)",
        "内部人员": "Insider",
        "重复举报": "Duplicate of",
        "材料": "Files",
        "理由或结果（将告知举报人）": "Reason or result (told to the reporter)",
        "回复举报人": "Reply to the reporter",
        "转为案件": "Turn into a case",
        "提出奖励": "Propose a reward",
        "奖励等级": "Reward level",
        "提出": "Propose",
        "改派给": "Reassign to",
        "改派": "Reassign",
        "奖励": "Reward",
        "批准": "Approve",
        "不予奖励理由": "Reason for no reward",
        "不予奖励": "No reward",
        "已发放": "Paid",
        "往来记录（举报人可见）": "Messages (visible to the reporter)",
        "逾期": "Overdue",
        "查询编号": "Tracking number",
        "领域": "Domain",
        "承办机构": "Handling agency",
        "重复": "Duplicate",
        "没有举报。": "No tips.",
        "举报回执": "Receipt",
        "举报已提交": "Report submitted",
        "请记下查询编号和查询密码。查询密码只显示这一次，我们不保存它，丢失后无法找回。": "Write down the tracking number and the passphrase. The passphrase is shown only now; we do not keep it and cannot recover it.",
        "查询密码": "Passphrase",
        "同一对象已有人举报，您的举报已合并到同一承办机构办理。": "This party has already been reported; your report is handled together with it by the same agency.",
        "下载回执": "Download the receipt",
        "查询办理进度": "Follow the handling",
        "举报假冒伪劣和侵犯知识产权行为": "Report counterfeit goods and IP infringement",
        "提交后您会得到查询编号和查询密码，凭此查看办理进度和回复。实名举报的身份信息加密保存，只有承办机构经办人员可以查看。": "You will receive a tracking number and a passphrase to follow the handling and read the replies. A named reporter's identity is stored encrypted and only the handling officers can see it.",
        "不勾选即为实名举报；实名举报可获得办理结果告知和奖励。": "Untick to report under your name: named reporters are told the result and can be rewarded.",
        "验证码": "Verification code",
        "提交举报": "Submit the report",
        "我": "Me",
        "暂无回复。": "No replies yet.",
        "补充情况或材料": "Add information or files",
        "提交": "Submit",
        "对办理结果的评价（1至5分）": "Rate the handling (1 to 5)",
        "评价": "Rate",
        "元": "yuan",
        "领取奖励": "Claim the reward",
        "提交过于频繁，请稍后再试。": "Too many submissions; try again later.",
        "验证码不正确或已过期，请刷新后重试。": "Wrong or expired verification code; reload and try again.",
        "尝试次数过多，请15分钟后再试。": "Too many attempts; try again in 15 minutes.",
        "查询编号或查询密码不正确。": "Wrong tracking number or passphrase.",
        "已收到": "Received",
        "已分办": "Routed",
        "已受理": "Accepted",
        "不予受理": "Rejected",
        "办理中": "In progress",
        "已办结": "Concluded",
        "受理": "Accept",
        "延长受理期限": "Extend the acceptance period",
        "开始办理": "Start handling",
        "办结": "Conclude",
        "已提出": "Proposed",
        "已批准": "Approved",
        "举报领域": "Domain",
        "举报内容（时间、地点、商品、经过）": "What happened (time, place, goods, how)",
        "地点（详细地址）": "Place (full address)",
        "所在地区代码（地址无法识别时填写）": "Region code (when the address is not recognised)",
        "被举报对象（店铺、企业名称）": "Reported party (shop or company name)",
        "照片或材料（最多5个，每个不超过10MB）": "Photos or documents (up to 5, 10 MB each)",
        "匿名举报": "Report anonymously",
        "公民身份号码（可选）": "Resident ID number (optional)",
        "我是内部人员": "I am an insider",
        "内部人员举报": "Insider report",
        "收到时间": "Received at",
        "受理决定时间": "Decided at",
        "告知期限": "Reporter to be told by",
        "办理结果": "Result",
        "罚没款（元）": "Fines and confiscations (yuan)",
        "奖励金额（元）": "Reward (yuan)",
        "请选择举报的领域。": "Choose the domain.",
        "请描述举报的事实（至少10个字）。": "Describe what happened (at least 10 characters).",
        "举报内容不能超过5000字。": "The report may not exceed 5,000 characters.",
        "无法从地址确定所在地区，请选择地区。": "The region cannot be found from the address; choose the region.",
        "网址应以 http:// 或 https:// 开头。": "The address must start with http:// or https://.",
        "请至少提供被举报对象的名称、代码、网址或地点之一。": "Give at least the name, code, website or place of the reported party.",
        "实名举报请填写姓名和联系电话，或选择匿名举报。": "A named report needs a name and a phone number; or report anonymously.",
        "联系电话格式不正确。": "The phone number is not valid.",
        "最多上传%(n)s个文件。": "Up to %(n)s files.",
        "请填写补充内容或上传材料。": "Write something or attach a file.",
        "（补充材料）": "(files added)",
        "办结后才能评价。": "You can rate once the report is concluded.",
        "请选择1至5分。": "Choose 1 to 5.",
        "只有领导小组办公室可以改派。": "Only the leading-group office can reassign.",
        "只有承办机构的执法人员可以办理。": "Only officers of the handling agency can do this.",
        "当前状态（%(s)s）不能执行该操作。": "Not possible in the current status (%(s)s).",
        "不予受理须说明理由，理由将告知举报人。": "A rejection needs a reason, which the reporter is told.",
        "请填写办理结果，结果将告知举报人。": "Write the result; the reporter is told.",
        "受理期限只能延长一次。": "The acceptance period can be extended only once.",
        "请选择承办机构。": "Choose the agency.",
        "您的举报已受理。": "Your report has been accepted.",
        "您的举报不予受理：%(r)s": "Your report was not accepted: %(r)s",
        "您的举报已办结：%(r)s": "Your report has been concluded: %(r)s",
        "只有承办机构的执法人员可以查看举报人信息。": "Only officers of the handling agency can see the reporter's identity.",
        "该举报已转为案件。": "This report is already a case.",
        "（举报线索）": " (from a tip)",
        "举报编号 %(t)s：%(d)s": "Tip %(t)s: %(d)s",
        "举报人为负有相关职责的工作人员": "The reporter is an official with duties in the matter",
        "举报人为被侵权方或其代理人": "The reporter is the infringed party or its agent",
        "举报人受其他经营者指使或资助": "The reporter was sent or paid by another business",
        "举报须已办结并关联案件。": "The report must be concluded and linked to a case.",
        "关联案件尚未作出处罚决定。": "The linked case has no penalty decision yet.",
        "不予奖励：%(w)s（国市监稽规〔2021〕4号）。": "No reward: %(w)s (SAMR 2021 No. 4).",
        "奖励等级应为1、2或3。": "The reward level is 1, 2 or 3.",
        "奖励由承办机构负责人批准。": "The head of the handling agency approves rewards.",
        "该奖励已处理。": "This reward has already been decided.",
        "不予奖励须说明理由。": "Refusing a reward needs a reason.",
        "没有可领取的奖励。": "There is no reward to claim.",
        "奖励须经批准并由举报人领取后才能发放。": "A reward is paid only after approval and the reporter's claim.",
        "抽查由负责人或领导小组办公室组织。": "Spot checks are organised by the head or the leading-group office.",
        "期间格式为 YYYY-MM。": "The period is YYYY-MM.",
        "抽查比例应在1%至100%之间。": "The sample is between 1% and 100%.",
        "本期已抽查。": "This period has already been sampled.",
        "验证码不正确或已过期，请重新输入。": "Wrong or expired verification code; try again.",
        "补充材料已提交。": "Your addition has been sent.",
        "感谢您的评价。": "Thank you for your rating.",
        "已申请领取奖励，承办机构将与您联系或按您提供的方式发放。": "Reward claimed; the agency will contact you or pay it as you indicated.",
        "已转为案件：%(n)s": "Turned into case %(n)s",
        "已办理。": "Done.",
        "待受理的举报（15个工作日内）": "Tips to accept (15 working days)",
        "逾期未受理的举报": "Tips overdue for acceptance",
    }
)

EN.update(
    {
        "举报指挥": "Tip dispatch",
        "跟踪抽查": "Spot checks",
        "合计": "Total",
        "待受理": "To accept",
        "未分办": "Unrouted",
        "期间（YYYY-MM）": "Period (YYYY-MM)",
        "抽查比例（%%）": "Sample (%%)",
        "抽取样本": "Draw the sample",
        "随机种子": "Random seed",
        "合格": "Satisfactory",
        "不合格": "Unsatisfactory",
        "回访或核查情况": "Follow-up findings",
        "记录": "Record",
        "本期没有已办结的举报。": "No report was concluded in this period.",
    }
)

EN.update(
    {
        "查询过于频繁，请稍后再试。": "Too many queries; try again later.",
        "只有银行等授权机构可以读取诚信信息推送。": "Only banks and other authorised bodies can read the credit feed.",
        "企业": "Enterprise",
        "列入方式": "Listed by",
        "依据": "Basis",
        "决定机关": "Deciding agency",
        "列入日期": "Listed on",
        "计划移出日期": "Planned removal",
        "移出日期": "Removed on",
        "移出理由": "Reason for removal",
        "列入或移出黑名单须由机构负责人决定。": "Listing or removal is decided by the head of an agency.",
        "请填写列入依据。": "Give the legal basis.",
        "计划移出日期须晚于今天。": "The planned removal date must be after today.",
        "该企业已在黑名单中。": "This enterprise is already listed.",
        "列入失信黑名单：%(b)s": "Blacklisted: %(b)s",
        "请填写移出理由（到期或信用修复）。": "Give the reason for removal (expiry or credit repair).",
        "已移出。": "Already removed.",
        "移出失信黑名单：%(r)s": "Removed from the blacklist: %(r)s",
        "诚信档案": "Integrity archive",
        "失信黑名单": "Blacklist",
        "规则判断": "Rule check",
        "名单中": "Listed",
        "移出理由（到期或信用修复）": "Reason (expiry or credit repair)",
        "移出": "Remove",
        "决定列入": "List by decision",
        "按规则列入": "List by rule",
        "企业名称或统一社会信用代码": "Enterprise name or unified social credit code",
        "没有找到匹配的企业。": "No matching enterprise.",
        "按名称或统一社会信用代码查询失信黑名单和公开的处罚信息。": "Look up the blacklist and published penalties by name or unified social credit code.",
    }
)

EN.update(
    {
        "公开": "Disclosure",
        "待公开": "To publish",
        "已公开": "Published",
        "不予公开": "Withheld",
        "已撤回": "Withdrawn",
        "行政处罚决定书文号": "Penalty decision number",
        "被处罚的自然人姓名或企业名称": "Person or organisation penalised",
        "违法事实": "Facts of the violation",
        "处罚种类和依据": "Penalty and legal basis",
        "履行方式和期限": "How and by when to comply",
        "作出处罚决定的机关": "Deciding agency",
        "处罚决定日期": "Decided on",
        "公开期限": "Publish by",
        "变更说明": "Change note",
        "不予公开理由": "Reason for withholding",
        "由作出处罚决定的机关公开（谁执法谁公开）。": "The deciding agency publishes its own decisions.",
        "当前状态不能公开。": "Cannot be published in the current status.",
        "请说明变更或撤回的原因（复议、诉讼结果）。": "Give the reason for the change or withdrawal (reconsideration or litigation).",
        "不予公开须经负责人批准。": "Withholding needs the head's approval.",
        "请说明不予公开的理由（国家秘密、商业秘密、个人隐私等）。": "Give the reason for withholding (state secret, trade secret, privacy…).",
        "行政处罚案件信息公开": "Published administrative penalty decisions",
        "公开审核": "Review for publication",
        "违法事实（已自动遮蔽个人信息）": "Facts (personal data masked automatically)",
        "理由（不予公开、变更或撤回时填写）": "Reason (for withholding, changing or withdrawing)",
        "更新": "Update",
        "撤回": "Withdraw",
        "不予公开（须负责人）": "Withhold (head only)",
        "案件信息公开": "Case disclosure",
        "逾期未公开": "Overdue for publication",
        "关键词": "Keywords",
        "起始日期": "From",
        "截止日期": "To",
        "没有符合条件的公开信息。": "No published decision matches.",
        "按关键词、地区、领域和日期查询已公开的行政处罚决定。": "Search published penalty decisions by keyword, region, domain and date.",
    }
)

EN.update({"到期移出": "Expired", "诚信等级": "Integrity grade"})

EN.update(
    {
        "查询次数较多，请输入验证码（GET /api/v1/public/captcha）。": "Many queries from this client: send a CAPTCHA answer (GET /api/v1/public/captcha).",
        "查询次数较多，请输入验证码后再查询。": "Many queries from this client: enter the verification code.",
        "举报经查属实：%(t)s": "Report substantiated: %(t)s",
        "涉嫌犯罪移送公安机关并立案：%(n)s": "Transferred to the police, criminal case opened: %(n)s",
        "刑事判决：%(r)s": "Criminal judgment: %(r)s",
    }
)

# Issue 6: name matching, credit repair, estimated counts.
EN.update(
    {
        "由行政执法机关的执法人员或负责人确认。": "Confirmed by an officer or head of an administrative enforcement agency.",
        "否定匹配时请说明理由。": "Give a reason when rejecting a match.",
        "该匹配已有决定。": "This match has already been decided.",
        "两个不同的统一社会信用代码属于不同主体，不能合并。": "Two different unified social credit codes are two legal persons and cannot be merged.",
        "其中一方已合并到其他记录。": "One of the records has already been merged into another.",
        "双方均在黑名单中，请先移出其一再合并。": "Both records are blacklisted: remove one listing before merging.",
        "确认与“%(name)s”为同一主体并合并（%(why)s）": "Confirmed as the same subject as “%(name)s” and merged (%(why)s)",
        "待确认": "To confirm",
        "已确认合并": "Merged",
        "已否定": "Rejected",
        "匹配分": "Score",
        "待决定": "Pending",
        "准予修复": "Approved",
        "不予修复": "Refused",
        "申请人（经办人）": "Applicant (contact person)",
        "纠正失信行为、履行义务的情况": "How the conduct was corrected and obligations fulfilled",
        "决定期限": "Decision due",
        "决定理由": "Reasons for the decision",
        "未找到以该统一社会信用代码列入且未移出的黑名单记录。": "No current blacklist listing under this unified social credit code.",
        "请填写申请人。": "Enter the applicant.",
        "请填写有效的联系电话。": "Enter a valid telephone number.",
        "请说明纠正失信行为、履行法定义务的情况（至少%(n)s字）。": "Describe how the conduct was corrected and obligations fulfilled (at least %(n)s characters).",
        "已有一份待决定的信用修复申请。": "A credit-repair application is already pending.",
        "由作出列入决定的机关决定信用修复。": "Credit repair is decided by the agency that made the listing.",
        "请填写决定理由。": "Enter the reasons for the decision.",
        "该申请已有决定。": "This application has already been decided.",
        "信用修复：%(r)s": "Credit repair: %(r)s",
        "新发现 %(n)s 条疑似同一主体的记录。": "%(n)s new possible matches found.",
        "该记录已确认与另一记录为同一主体并合并。": "This record was confirmed as the same subject as another and merged into it.",
        "已确认合并。": "Merged.",
        "已否定。": "Rejected.",
        "信用修复申请待决定": "Credit-repair applications to decide",
        "信用修复申请已超期": "Credit-repair applications overdue",
        "疑似同一主体待确认": "Possible same subjects to confirm",
        "分页": "Pages",
        "说明（否定时必填）": "Note (required when rejecting)",
        "确认为同一主体": "Same subject: merge",
        "否定": "Not the same",
        "疑似同一主体": "Possible same subjects",
        "名称写法不同的记录（全角/半角、公司后缀、繁简体、拼音）按匹配分提示；确认或否定的决定都会保留。": "Records whose names are written differently (full/half width, company suffix, traditional/simplified, pinyin) are listed by score; every confirmation or rejection is kept.",
        "另一记录": "Other record",
        "决定": "Decision",
        "查找疑似同一主体": "Find possible same subjects",
        "名称写法不同（全角/半角、公司后缀、繁简体、拼音）的记录按匹配分列出；确认后合并诚信档案，否定的决定同样保留，不再提示。": "Records whose names are written differently (full/half width, company suffix, traditional/simplified, pinyin), by score. Confirming merges the integrity archives; a rejection is kept too and the pair is not proposed again.",
        "记录一": "Record 1",
        "记录二": "Record 2",
        "无统一社会信用代码": "No unified social credit code",
        "没有待确认的匹配。": "No match to confirm.",
        "信用修复申请": "Credit-repair application",
        "申请已提交": "Application submitted",
        "由 %(authority)s 审查，应于 %(due)s 前作出决定。决定结果将通过您留下的联系电话告知，准予修复的将同步移出失信黑名单并通知银行。": "%(authority)s reviews it and must decide by %(due)s. You will be told the decision by telephone; if approved, the listing is removed and the banks are informed.",
        "申请编号": "Application no.",
        "已纠正失信行为、履行法定义务的企业，可申请移出失信黑名单。请如实填写；作出列入决定的机关将审查并决定。": "An enterprise that has corrected its conduct and fulfilled its legal obligations may apply to be removed from the blacklist. The agency that listed it reviews and decides.",
        "请修改以下内容：": "Please correct:",
        "提交申请": "Submit application",
        "列入": "Listed",
        "提交时间": "Submitted",
        "已超期": "Overdue",
        "准予修复并移出黑名单": "Approve and remove the listing",
        "申请人": "Applicant",
        "没有信用修复申请。": "No credit-repair application.",
        "约 %(n)s 件（估算）": "About %(n)s (estimate)",
        "已纠正失信行为的企业申请移出失信黑名单。": "Enterprises that have corrected their conduct apply for removal from the blacklist.",
        "信用": "Credit",
        "第 %(n)s / %(total)s 页": "Page %(n)s of %(total)s",
    }
)

EN.update(
    {
        "待公开的处罚决定": "Penalty decisions to publish",
        "逾期未公开的处罚决定": "Penalty decisions overdue for publication",
        "行政区划代码": "Region code",
        "筛选": "Filter",
    }
)

EN.update(
    {
        "尚未抽查。每期按比例从已办结的举报中随机抽取，同一机构同一期间抽取结果可复现。": "No spot check yet. Each period a share of the concluded reports is drawn at random; the same agency and period always give the same sample.",
    }
)

EN.update({"已确认与“%(name)s”为同一主体": "Confirmed as the same subject as “%(name)s”"})

EN.update({"%(agency)s %(number)s 行政处罚": "%(agency)s %(number)s administrative penalty"})

EN.update({"申请信用修复": "Apply for credit repair"})

EN.update(
    {
        "确认合并": "Confirm the merge",
        "该匹配建议不在本机关辖区内。": "This match proposal is outside your agency's jurisdiction.",
        "跨省的匹配建议须由领导小组办公室确认。": "A match proposal across provinces must be confirmed by a leading-group office.",
        "只能列入本辖区或本机关办理过案件的企业。": "You may list only enterprises in your jurisdiction or enterprises your agency has handled a case against.",
        "由作出列入决定的机关移出（谁列入谁移出）。": "Only the agency that made the listing may remove it.",
        "当前状态（%(s)s）不能%(e)s。": "The current status (%(s)s) does not allow this step: %(e)s.",
        "批准奖励": "Approve the reward",
        "发放奖励": "Pay the reward",
        "该举报不在本级领导小组办公室的辖区内。": "This report is outside your leading-group office's jurisdiction.",
        "请选择本辖区内的承办机构。": "Choose a handling agency within your jurisdiction.",
    }
)


# Issue 9: one English string per Chinese string, saying what the Chinese says (reviewed 2026-12-01).
EN.update(
    {
        "公安机关": "Public security organ",
        "接收的公安机关": "Receiving police agency",
        "提请移送公安机关": "Propose a transfer to the police",
        "已移送公安机关": "Transferred to the police",
        "公安机关已接收": "Received by the police",
        "公安机关已立案": "Case opened by the police",
        "公安机关已说明理由": "Reasons given by the police",
        "移送公安机关": "Transfer to the police",
        "通知公安机关立案": "Notify the police to open a case",
        "不予立案理由": "Reasons for refusing to open a case",
        "公安机关不予立案": "Police refused to open a case",
        "复议维持不予立案": "Refusal upheld on reconsideration",
        "不予立案通知书": "Notice of refusal to open a case",
        "名称/姓名": "Name of organisation or person",
        "姓名": "Full name",
        "涉案物品": "Items involved in the case",
        "涉案物品移交": "Items involved handed over",
        "涉案物品移交时间": "Items involved handed over at",
        "已撤销": "Cancelled",
        "撤销": "Cancel the case",
        "行政区划代码": "Administrative division code",
        "行政处罚决定书文号": "Administrative penalty decision number",
        "查询": "Look up",
        "办案机构": "Case-handling agency",
        "刑事案件编号": "Criminal case number",
        "办结时间": "Concluded at",
        "立案决定时间": "Filing decision made at",
        "只有本案办案机构的执法人员可以提请移送。": "Only officers of the agency handling this case can propose a transfer.",
        "涉嫌犯罪案件移送书": "Transfer letter for a suspected criminal case",
        "检察院": "Procuratorate",
        "人民检察院": "People's procuratorate",
        "所属机构": "Affiliated agency",
        "不予受理": "Not accepted",
        "准予修复": "Repair granted",
        "作出处罚决定的机关": "Agency that decided the penalty",
        "日期不能晚于今天。": "The date cannot be later than today.",
        "日期": "Date",
        "涉嫌犯罪（达到追诉标准）": "Suspected crime (prosecution thresholds met)",
        "办理人": "Handled by",
        "上传人": "Uploaded by",
        "办理结果": "Handling result",
        "登记": "Register",
        "刑事案件编号（可选）": "Criminal case number (optional)",
        "名单中": "On the list",
        "批准移送": "Approve the transfer",
        "举报领域": "Domain of the report",
        "已提请移送": "Transfer proposed",
        "接收时间": "Time of receipt",
        "法院": "Court",
        "人民法院": "People's court",
        "不予修复": "Repair refused",
        "不批准移送": "Refuse the transfer",
        "筛查结果": "Screening result",
        "列入方式": "Listing method",
        "企业诚信查询": "Enterprise integrity lookup",
        "当前没有需要您办理的环节。": "No step needs your action now.",
        "抄送": "Copied to",
        "专案组成员": "Members of the special group",
        "涉案人员": "Person involved",
        "受理决定时间": "Acceptance decided at",
        "网址应以 http:// 或 https:// 开头。": "The web address must start with http:// or https://.",
        "检察院已通知立案": "Procuratorate notified the police to open a case",
        "检察院通知立案（15日内）：%(n)s": "Procuratorate notice to open a case (within 15 days): %(n)s",
        "请填写监督意见。": "Write the supervision opinion.",
        "待决定是否立案的移送（3日内）": "Transfers awaiting a decision on opening a case (3 days)",
        "应移未移": "Transfer required but not made",
        "应移未移（监督）": "Transfer required but not made (supervision)",
    }
)

# Different msgids that keep one English string because they mean the same.
SYNONYMS = [
    ("已逾期", "已超期"),
    ("已逾期", "逾期"),
    ("已超期", "逾期"),
    ("所在地区", "地区"),
    ("所在地区", "行政区划"),
    ("地区", "行政区划"),
]

EN.update(
    {
        "请指明要撤销的令牌。": "Say which token to revoke.",
        "没有找到该令牌。": "No such token.",
        "限流计数": "Rate-limit counter",
        "登录失败次数过多，账号已暂时锁定，请15分钟后再试。": "Too many failed sign-ins: the account is locked for 15 minutes.",
        "密码已修改，原有接口令牌已全部失效。": "Password changed. Every API token issued before has stopped working.",
        "令牌已撤销。": "Token revoked.",
        "我的账号": "My account",
        "修改密码": "Change password",
        "修改密码后，本账号签发的全部接口令牌立即失效。": "Changing the password ends every API token issued to this account at once.",
        "前缀": "Prefix",
        "签发时间": "Issued at",
        "最近使用": "Last used",
        "有效期至": "Valid until",
        "有效": "Valid",
        "本账号没有签发过接口令牌。": "No API token has been issued to this account.",
    }
)

EN.update(
    {
        "提交的内容过大。": "The request is too large.",
        "此项不能为空。": "This field cannot be empty.",
        "指标“%(metric)s”的值无效：%(reason)s": "The figure “%(metric)s” is invalid: %(reason)s",
        "线索接收时间不能晚于今天，也不能早于%(y)s年。": "The time the lead was received cannot be later than today or earlier than %(y)s.",
        "提交的内容含有不允许的控制字符（NUL）。": "The input contains a control character that is not allowed (NUL).",
        "没有找到该奖励。": "No such reward.",
    }
)

EN.update({"文号": "Document number", "处罚": "Penalty", "机关": "Authority"})

EN.update(
    {
        "不支持的图片格式。": "This image format is not supported.",
        "图片尺寸过大（超过4000万像素）。": "The image is too large (over 40 megapixels).",
        "图片文件末尾附带了其他内容，已拒收。": "Refused: the image file has other content appended after the image.",
        "图片无法完整解码（文件损坏或伪装）。": "The image cannot be decoded completely (damaged or disguised file).",
        "PDF 含有脚本、启动程序或嵌入文件等可执行内容，已拒收。": "Refused: the PDF contains executable content (scripts, launch actions or embedded files).",
        "PDF 已加密，无法检查其内容，请上传未加密的文件。": "The PDF is encrypted, so its content cannot be checked. Upload an unencrypted file.",
        "PDF 结构过于复杂，无法检查。": "The PDF's structure is too complex to check.",
        "PDF 文件损坏，无法读取。": "The PDF is damaged and cannot be read.",
        "文件损坏，无法读取。": "The file is damaged and cannot be read.",
        "文件包含的条目过多，已拒收。": "Refused: the file contains too many entries.",
        "文件解压后过大（疑似压缩炸弹），已拒收。": "Refused: the file is too large once uncompressed (a suspected zip bomb).",
        "文件内含非法路径，已拒收。": "Refused: the file contains an illegal path.",
        "不允许上传压缩包，请上传 PDF、图片或 Word/Excel 文件。": "Archives are not accepted. Upload a PDF, an image or a Word/Excel file.",
        "Office 文件含有宏、控件或嵌入程序，已拒收。": "Refused: the Office file contains macros, controls or embedded programs.",
        "Office 文件引用了外部模板或链接，已拒收。": "Refused: the Office file refers to an external template or link.",
        "病毒扫描发现威胁（%(name)s），已拒收。": "Refused: the virus scan found a threat (%(name)s).",
    }
)

EN.update(
    {
        "台账超过 %(n)s 行，请拆分为多个文件后分别导入。": "The ledger has more than %(n)s rows. Split it into several files and import each.",
        "共 %(rows)s 行，导入 %(imported)s 个案件，%(errors)s 行有错误。": "%(rows)s rows: %(imported)s cases imported, %(errors)s rows with errors.",
        "导入案件台账：%(name)s": "Case ledger import: %(name)s",
        "排队中": "Queued",
        "进行中": "Running",
        "已完成": "Finished",
        "失败": "Failed",
        "任务": "Task",
        "后台任务": "Background job",
        "定时任务": "Scheduled task",
        "进度": "Progress",
        "查看结果": "See the result",
    }
)

EN.update({"登录尝试过于频繁，请稍后再试。": "Too many sign-in attempts from this address. Try again later."})

EN.update({"登录尝试过于频繁，请稍后再试。": "Too many sign-in attempts from this address. Try again later."})

EN.update({"处罚决定已重新作出（%(n)s）。": "The penalty decision was made again (%(n)s)."})

EN.update(
    {
        "知识产权保护与打击假冒协同平台 · 系统管理": "IP protection and anti-counterfeiting platform · Administration",
        "系统管理": "System administration",
        "后台数据": "Back-office data",
        "接口令牌须经双因素认证：请先绑定验证器，并在 otp 字段提交验证码。": "API tokens need two-factor authentication: set up an authenticator first and send its code in the otp field.",
        "验证码不正确，请查看验证器上当前的6位数字。": "Wrong code. Enter the 6 digits your authenticator shows now.",
        "此操作需要双因素认证，请先在“我的账号”中绑定验证器。": "This step needs two-factor authentication. Set up an authenticator under “My account” first.",
        "验证失败次数过多，请15分钟后再试。": "Too many failed verifications. Try again in 15 minutes.",
        "验证码不正确或已使用过。": "The code is wrong or has already been used.",
        "双因素认证": "Two-factor authentication",
        "已绑定验证器。": "An authenticator is set up.",
        "本次登录已验证。": "This session is verified.",
        "验证本次登录": "Verify this session",
        "重新生成恢复码": "Generate new recovery codes",
        "用手机上的验证器（如 FreeOTP、Google Authenticator）扫描二维码，或手动输入密钥，然后输入验证器显示的6位数字。": "Scan the QR code with an authenticator app on your phone (such as FreeOTP or Google Authenticator), or type in the key, then enter the 6 digits it shows.",
        "验证器二维码": "QR code for the authenticator",
        "密钥": "Key",
        "6位验证码": "6-digit code",
        "绑定": "Set up",
        "查看举报人身份、列入或移出黑名单、系统管理和申请接口令牌都需要双因素认证。": "Revealing a reporter's identity, listing or removing a blacklist entry, administration and API tokens all need two-factor authentication.",
        "本演示环境未强制双因素认证；正式部署中，查看举报人身份、黑名单操作和系统管理均需要。": "This demo does not enforce two-factor authentication; a real deployment requires it for identity reveals, blacklist changes and administration.",
        "绑定验证器": "Set up an authenticator",
        "恢复码": "Recovery codes",
        "验证器丢失时，可用下列恢复码代替验证码，每个只能使用一次。请立即抄写或打印并妥善保管；本页关闭后不再显示。": "If you lose your authenticator, each of these recovery codes replaces a code once. Write them down or print them now and keep them safe: they are not shown again.",
        "我已保存，返回我的账号": "I have saved them — back to my account",
        "查看举报人身份、列入或移出黑名单和系统管理须先用第二个因素验证本次登录。请输入验证器上的6位数字，或一个恢复码。": "Revealing a reporter's identity, blacklist changes and administration need this session verified with a second factor. Enter the 6 digits of your authenticator, or a recovery code.",
        "验证码或恢复码": "Code or recovery code",
        "验证": "Verify",
    }
)

EN.update(
    {
        "安全审计员": "Security auditor",
        "审计日志": "Audit log",
        "序号": "No.",
        "操作人": "Actor",
        "操作": "Action",
        "对象类型": "Object type",
        "对象编号": "Object id",
        "变更前": "Before",
        "变更后": "After",
        "哈希": "Hash",
        "链头": "Chain head",
        "共 %(n)s 条": "%(n)s events",
        "请定期保存链头（含签名），用 manage.py audit_verify --against 文件 核对日志未被截断或改写。": "Keep the chain head (with its signature) regularly; `manage.py audit_verify --against FILE` checks that the log was neither truncated nor rewritten.",
        "对象": "Object",
        "没有符合条件的记录。": "No events match.",
    }
)

EN.update({"菜单": "Menu"})

EN.update(
    {
        "忘记密码？": "Forgot your password?",
        "重置密码": "Reset password",
        "输入账号登记的电子邮箱，我们将发送一次性重置链接。": "Enter the e-mail address of your account; we will send a one-time reset link.",
        "电子邮箱": "E-mail",
        "发送重置链接": "Send the reset link",
        "设置新密码": "Set a new password",
        "密码已重置": "Password reset",
        "原有接口令牌已全部失效。": "Every API token issued before has stopped working.",
        "重置链接无效或已使用，请重新申请。": "The reset link is invalid or already used. Ask for a new one.",
        "请查收邮件": "Check your e-mail",
        "如果该邮箱登记在某个账号上，重置链接已发出。链接只能使用一次。": "If this address belongs to an account, a reset link has been sent. The link works once.",
        "有人为以下账号申请了密码重置。如不是您本人操作，请忽略本邮件。": "Someone asked to reset the password of this account. If it was not you, ignore this e-mail.",
        "账号": "Account",
        "ipshield 密码重置": "ipshield password reset",
    }
)

EN.update(
    {
        "更换验证器前，请先用现有验证器或恢复码验证本次登录。": "Before replacing the authenticator, verify this session with the current one or a recovery code.",
        "请用验证器扫描二维码。": "Scan the QR code with your authenticator.",
    }
)

EN.update(
    {
        "抽查由本机构负责人或本辖区领导小组办公室组织。": (
            "Spot checks are organised by the agency's own head or by the leading-group office of its region."
        ),
        "该案件不在本院的监督范围内。": "This case is outside your procuratorate's supervision.",
        "该移送不属于本案。": "That transfer does not belong to this case.",
    }
)

EN.update(
    {
        "%(name)s（%(title)s）": "%(name)s (%(title)s)",
        "职务": "Title",
        "留空时显示角色名称": "Leave blank to show the role.",
    }
)

EN.update(
    {
        "所在地区": "Region",
        "地区": "Region",
        "选择省份": "Province…",
        "选择地市": "Prefecture…",
        "选择区县": "County…",
        "搜索地区名称或代码": "Search a region by name or code",
        "没有匹配的地区。": "No region matches.",
        "所在地区（地址无法识别时选择）": "Region (choose it if the address is not recognised)",
    }
)

EN.update(
    {
        "匿名举报不需要填写姓名和联系方式；凭查询编号和查询密码查看进度。": (
            "An anonymous report needs no name or contact details; follow it with the tracking number and passphrase."
        ),
        "举报人信息": "Reporter's details",
    }
)

EN.update(
    {
        "：": ": ",
        "one report, heading\x04举报": "Tip",
        "one case, label\x04案件": "Case",
        "one transfer, heading\x04移送": "Transfer",
    }
)

EN.update({"、": ", "})

EN.update({"（": " (", "）": ")"})

EN.update(
    {
        "自收到处罚决定书之日起履行": "Within the time the decision sets, from its receipt",
        "决定书未载明": "Not stated in the decision",
    }
)

EN.update({"自收到处罚决定书之日起十五日内缴纳罚款": "Pay the fine within 15 days of receiving the decision"})

EN.update(
    {
        "失信名单推送": "Blacklist feed",
        "严重违法失信名单的列入、变更和移出，按发生顺序编号（游标）。贵行系统从上次读到的游标继续读取即可，不会遗漏。": (
            "Listings on, changes to and removals from the serious-violation blacklist, numbered in order (the cursor)."
            " Your system reads on from the last cursor it saw and misses nothing."
        ),
        "最新游标": "Latest cursor",
        "从游标之后": "After cursor",
        "查看": "Show",
        "该游标之后没有新的变动。": "No change after this cursor.",
        "游标": "Cursor",
        "变动": "Change",
        "列入日期": "Listed on",
        "移出日期": "Removed on",
        "列入机关": "Listing authority",
        "变更": "Changed",
        "近7日失信名单变动": "Blacklist changes in the last 7 days",
        "有机产品认证核验登记簿": "Organic certificate verification registry",
        "认证机构的工作（登记有机产品认证证书和认证标志、回应公众核验）将在核验登记簿上线后在这里办理。在此之前，您可以使用立案标准筛查。": (
            "A certification body's work (registering organic certificates and marks, answering public verification)"
            " will be done here once the verification registry is online. Until then you can use the threshold screening."
        ),
    }
)

EN.update({"企业名称": "Enterprise name"})

EN.update(
    {
        "下一步：审查线索，在立案决定期限内决定立案或不予立案。立案后才能调查、处罚或提请移送。": (
            "Next: review the lead and decide, before the filing deadline, to open a case or not."
            " Only an opened case can be investigated, penalised or proposed for transfer."
        ),
        "下一步：开展调查（勘验、询问、抽样、鉴定）；达到刑事立案追诉标准的，提请移送公安机关。": (
            "Next: investigate (inspection, questioning, sampling, appraisal); if a prosecution threshold is met,"
            " propose a transfer to the police."
        ),
        "下一步：在处罚决定期限内作出处罚决定；涉嫌犯罪的应当提请移送，不得以罚代刑。": (
            "Next: decide the penalty before its deadline; a suspected crime must be proposed for transfer,"
            " never settled with a penalty instead."
        ),
        "下一步：处罚决定执行完毕后结案；处罚决定将在20个工作日内公开。": (
            "Next: close the case once the decision is carried out; the decision is published within 20 working days."
        ),
    }
)

EN.update(
    {
        "未列入严重违法失信名单": "Not on the serious-violation blacklist",
        "查看已公开的行政处罚决定": "See its published penalty decisions",
    }
)

EN.update(
    {
        "两条记录分属不同省份，由领导小组办公室确认。": (
            "The two records are in different provinces: the leading-group office decides."
        ),
        "%(n)s 条记录": ("%(n)s entry", "%(n)s entries"),
    }
)

EN.update(
    {
        "行政案件": "Administrative cases",
        "基础数据与账号": "Core data and accounts",
        "诚信档案": "Integrity archive",
        "演示数据": "Demo data",
        "案件信息公开": "Case disclosure",
        "公众门户": "Public portal",
        "立案标准筛查": "Threshold screening",
        "举报投诉": "Tips and complaints",
        "两法衔接": "Administrative-criminal linkage",
        "登录失败记录": "Failed sign-ins",
        "后台任务": "Background tasks",
        "后台任务队列": "Background task queue",
        "动态验证码设备": "Authenticator devices",
        "恢复码": "Recovery codes",
    }
)

EN.update(
    {
        "一个当事人只能有一个身份代码：单位填写统一社会信用代码，个人填写公民身份号码。": (
            "A party has one identifier only: the unified social credit code for an organisation,"
            " the resident ID number for a person."
        ),
    }
)

EN.update({"本案单独筛查结果": "Screening of this case alone", "累计筛查结果": "Cumulative screening"})

EN.update(
    {
        "已移送司法机关": "Transferred to the judiciary",
        "查看移送": "Open the transfer",
        "涉嫌犯罪（累计计算），应当移送": "Suspected crime (cumulative): must be transferred",
        "累计计算接近立案追诉标准": "Cumulative figures near a prosecution threshold",
        "同一当事人未经处理的同类行为累计计算（%(source)s）：": (
            "The same party's unhandled conduct of this kind, summed (%(source)s): "
        ),
        "%(agency)s：%(n)s 件（无权查看内容）": (
            "%(agency)s: %(n)s case (content not visible to you)",
            "%(agency)s: %(n)s cases (content not visible to you)",
        ),
    }
)

EN.update(
    {
        "拆分案件线索": "Split-case leads",
        "同一当事人有两件以上未经处理的同类案件，每件都未达到立案追诉标准，累计后达到标准或达到数额标准的八成。依照相关司法解释应当累计计算，请核查是否存在拆分案件、以罚代刑。": (
            "One party has two or more unhandled cases of the same kind, each below the prosecution thresholds,"
            " whose sum meets a threshold or reaches four fifths of an amount. The judicial interpretations require the sum:"
            " check for split cases and penalties in place of transfers."
        ),
        "累计达到立案追诉标准": "Sum meets a prosecution threshold",
        "累计接近立案追诉标准": "Sum near a prosecution threshold",
        "没有需要核查的拆分案件线索。": "No split-case lead to check.",
        "统一社会信用代码/公民身份号码": "USCC / resident ID",
        "累计数额": "Summed figures",
        "可查看的案件": "Cases you can open",
        "其他机构的案件": "Cases of other agencies",
        "接近标准": "Near a threshold",
    }
)

EN.update(
    {
        "同一当事人的同类案件累计计算后达到刑事立案追诉标准，各案均应当移送。依照《行政执法机关移送涉嫌犯罪案件的规定》，不得以行政处罚代替移送。": (
            "Summed with the same party's cases of this kind, the figures meet the criminal prosecution thresholds:"
            " each case must be transferred. Under the State Council rules on transfers, an administrative penalty"
            " may not replace the transfer."
        ),
    }
)

EN.update(
    {
        "涉嫌犯罪案件情况的调查报告": "Investigation report on the suspected crime",
        "涉案物品清单": "List of seized items",
        "检验报告或者鉴定结论": "Inspection report or appraisal opinion",
        "其他有关涉嫌犯罪的材料": "Other materials on the suspected crime",
        "材料类别": "Kind of material",
        "机关代字": "Document prefix",
        "文书编号的机关代字，如“京市监”；留空时取机构名称的前两个字": (
            "The agency's prefix in document numbers, e.g. 京市监; when blank, the first two characters of its name."
        ),
        "移送书文号": "Transfer letter number",
        "专案组成员不能审批本组提请的移送，应由未参与调查的负责人决定。": (
            "A member of the special group cannot approve the group's own proposal: a head who took no part in"
            " the investigation decides."
        ),
        "移送须附%(kinds)s（国务院令第310号第六条），请先上传。": (
            "A transfer must include: %(kinds)s (State Council Decree No. 310, art. 6). Upload them first."
        ),
        "移送前须上传": "Upload before transferring",
        "文件": "File",
    }
)

EN.update(
    {
        "请写明平台外的处罚记录（机关、文书编号、日期）；平台内的处罚决定和判决会自动识别，无需勾选。": (
            "Say which outside record this is (agency, document number, date); penalties and judgments recorded "
            "on the platform are found without ticking this."
        ),
        "该案件筛查结果为涉嫌犯罪，仅作行政处罚结案必须说明不移送的理由。": (
            "This case screens as a suspected crime: closing it with an administrative penalty only requires "
            "a reason for not transferring it."
        ),
        "没有找到该机构。": "Agency not found.",
        "该移送已被他人处理（当前状态：%(status)s），请刷新后查看。": (
            "Someone else has already handled this transfer (now: %(status)s); reload to see it."
        ),
        "未知的操作": "Unknown action",
        "二年内受过处罚的外部记录说明": "Outside record of a penalty within two years",
        "此案件已被他人修改，请刷新后再保存。": "Someone else has changed this case; reload it before saving.",
        "当前状态下案件不可修改。": "The case cannot be changed in its current state.",
        "公职人员线索": "Official clues",
        "公职人员涉案线索": "Clues about officials",
        "尚未报告。发现公职人员涉嫌商业贿赂、职务违法犯罪或充当“保护伞”的，移送检察院。": (
            "None reported. Where officials appear involved in commercial bribery, duty crimes or protecting "
            "infringers, hand the clue to the procuratorate."
        ),
        "报告公职人员涉案线索": "Report a clue about officials",
        "按期处理": "Handled in time",
        "逾期处理": "Handled late",
        "报告机关": "Reporting agency",
        "接收的检察院": "Receiving procuratorate",
        "涉及人员及职务": "Officials involved and their posts",
        "线索内容": "What was found",
        "处理期限": "Handling deadline",
        "平台工作时限：移送后 %(n)s 日（第十九条未规定期限）": (
            "Platform working deadline: %(n)s days after reporting (article 19 sets no period)"
        ),
        "处理结果": "Outcome",
        "接收线索": "Receive the clue",
        "记录处理结果": "Record the outcome",
        "办案中发现公职人员涉嫌商业贿赂、职务违法犯罪或充当“保护伞”的，线索移送本地区检察院（《行政执法机关移送涉嫌犯罪案件的规定》第十九条）。检察院应在 %(n)s 日内记录处理结果（平台工作时限，非法定期限）。线索只有本机关和检察机关可以查看，公安机关和领导小组办公室看不到。": (
            "Where a case shows officials involved in commercial bribery, duty crimes or protecting infringers, the "
            "clue goes to the procuratorate of the region (Provisions on Transfers of Suspected Crimes by "
            "Administrative Agencies, article 19). The procuratorate records its outcome within %(n)s days (a "
            "platform working deadline, not a statutory one). Only your agency and the procuratorates can read "
            "the clue; the police and the leading-group offices cannot."
        ),
        "移送检察院": "Send to the procuratorate",
        "待处理": "To handle",
        "线索类别": "Kind of clue",
        "没有公职人员涉案线索。": "No clues about officials.",
        "商业贿赂": "Commercial bribery",
        "职务违法犯罪（滥用职权、玩忽职守、徇私舞弊等）": (
            "Duty offences (abuse of power, dereliction of duty, favouritism and the like)"
        ),
        "包庇、纵容侵权假冒（充当“保护伞”）": "Shielding or conniving at infringers (acting as their protection)",
        "其他公职人员涉案情形": "Other involvement of officials",
        "已移送，待检察院接收": "Reported, awaiting the procuratorate",
        "检察院已接收，审查中": "Received, under review by the procuratorate",
        "已处理": "Dealt with",
        "立案侦查（检察机关管辖的职务犯罪）": "Case opened (a duty crime within the procuratorate's jurisdiction)",
        "移送监察机关": "Passed to the supervisory commission",
        "经审查无事实依据，不予处理": "Reviewed: no factual basis, no action",
        "已知的姓名、单位和职务；不知道可以不填。": "Names, units and posts where known; leave empty if unknown.",
        "发现了什么、在哪份证据里（如账册中的“公关费”、通风报信的通话记录）。": (
            'What was found and in which evidence (e.g. "PR fees" in the ledger, calls tipping off the party).'
        ),
        "处理说明": "Note on the outcome",
        "如立案决定书文号、移送的监察机关及日期、不予处理的理由。": (
            "E.g. the number of the decision to open a case, the supervisory commission and date, or why no action."
        ),
        "处理时间": "Dealt with at",
        "只有本案办案机关的执法人员可以报告公职人员涉案线索。": (
            "Only staff of the agency handling this case can report a clue about officials."
        ),
        "请选择线索类别。": "Choose the kind of clue.",
        "请写明线索内容：发现了什么、证据在哪里。": "Say what was found and where the evidence is.",
        "线索内容不能超过%(n)s字。": "What was found may not exceed %(n)s characters.",
        "涉及人员及职务不能超过%(n)s字。": "Officials involved may not exceed %(n)s characters.",
        "本地区没有登记检察院，无法移送线索，请联系系统管理员。": (
            "No procuratorate is registered for this region, so the clue cannot be sent; contact the administrator."
        ),
        "公职人员涉案线索：%(n)s": "Clue about officials: %(n)s",
        "只有接收线索的检察院可以处理该线索。": "Only the procuratorate that received the clue can handle it.",
        "请选择处理结果。": "Choose the outcome.",
        "请写明处理说明（如立案文号、移送的监察机关）。": (
            "Write a note on the outcome (e.g. the case number, the supervisory commission it went to)."
        ),
        "处理说明不能超过%(n)s字。": "The note may not exceed %(n)s characters.",
        "检察院已处理公职人员涉案线索：%(n)s": "The procuratorate has dealt with the clue about officials: %(n)s",
        "线索已移送%(p)s，检察院应在%(d)s前记录处理结果。": (
            "The clue has gone to %(p)s, which is to record its outcome by %(d)s."
        ),
        "公职人员涉案线索（待处理）": "Clues about officials to handle",
        "请填写数量。": "Enter the quantity.",
        "请填写数字。": "Enter a figure.",
        "数值须大于零且不超过 %(max)s。": "The figure must be above zero and at most %(max)s.",
        "案件当前状态为“%(s)s”，不能在本机关登记涉案物品。": (
            'The case is now "%(s)s": items involved in the case can no longer be recorded by this agency.'
        ),
        "该线索当前状态为“%(s)s”，不能执行此操作，请刷新后查看。": (
            'The clue is now "%(s)s", so this step cannot be taken; reload to see it.'
        ),
        "游标超出了变更记录的范围（最新为 %(head)s）。": "The cursor is past the newest change (%(head)s).",
        "请填写物品名称。": "Enter the name of the item.",
        "已登记涉案物品。": "Item recorded.",
        "尚未登记涉案物品。": "No items involved in the case recorded yet.",
        "登记涉案物品": "Record an item involved in the case",
        "没有这个报表。": "No such report.",
        "未知的行政区划代码。": "Unknown region code.",
        "统计期间无效：开始日期须早于结束日期，且不超过十年。": (
            "Invalid period: the first day must come before the last, at most ten years apart."
        ),
        "统计": "Statistics",
        "两法衔接工作情况": "Linkage of administrative and criminal cases",
        "按地区统计期间内行政立案、行政处罚、筛查为涉嫌犯罪和移送公安机关的案件数，以及移送率。": (
            "Per region and period: cases filed, penalties decided, cases screened as suspected crimes and "
            "transfers to the police, with the transfer rate."
        ),
        "行政立案": "Cases filed",
        "立案时间在期间内的行政案件（件）": "Administrative cases filed within the period (cases)",
        "行政处罚": "Penalties decided",
        "作出处罚决定的时间在期间内的案件（件）": "Cases whose penalty was decided within the period (cases)",
        "首次筛查为涉嫌犯罪的时间在期间内的案件（件，含累计计算）": (
            "Cases first screened as a suspected crime within the period (cases, cumulative sums included)"
        ),
        "移送时间在期间内的移送（件）": "Transfers sent within the period (transfers)",
        "移送率": "Transfer rate",
        "移送公安机关 ÷ 行政立案 × 100%": "Transfers to the police ÷ cases filed × 100%",
        "本级": "Own level",
        "%(what)s：%(start)s 至 %(end)s": "%(what)s: %(start)s to %(end)s",
        "仅%(name)s本级（不含下级地区）": "%(name)s itself only (not the regions below it)",
        "报表": "Table",
        "开始日期": "First day",
        "结束日期": "Last day",
        "统计钻取": "Records behind a figure",
        "统计报表": "Statistical reports",
        "统计口径": "Definitions",
        "数字为实时统计，只含您有权查看的记录；点击数字可查看其对应的案件或移送清单。": (
            "Figures are live and count only records you may see; click a figure for the cases or transfers behind it."
        ),
        "数值不能为负数，也不能超过 %(max)s。": "The figure may not be negative or above %(max)s.",
        "只有办案和监督机关的人员可以查看统计。": "Only staff of case-handling and supervising agencies can read the statistics.",
    }
)

EN.update(
    {
        "预警": "Warnings",
        "累计": "All time",
        "本年": "This year",
        "本季": "This quarter",
        "本月": "This month",
        "权利人（品牌）": "Right holder (brand)",
        "%(what)s：%(value)s": "%(what)s: %(value)s",
        "红色预警": "Red warning",
        "橙色预警": "Orange warning",
        "黄色预警": "Yellow warning",
        "待研判": "To be assessed",
        "已研判，处置中": "Assessed, being handled",
        "已关闭": "Warning closed",
        "记录研判意见": "Record an assessment",
        "关闭预警": "Close the warning",
        "案件激增": "Case surge",
        "案件集中": "Concentration in one county",
        "跨区域蔓延": "Spread across provinces",
        "两法衔接薄弱": "Weak linkage",
        "举报集中": "Tip spike on one target",
        "全国": "Nationwide",
        "高": "High",
        "低": "Low",
        "无数据": "No data",
        "%(subject)s：%(month)s 收到线索 %(current)s 件，前%(months)s个月平均 %(mean)s 件（标准差 %(sd)s），去年同月 %(last_year)s 件。": "%(subject)s: %(current)s leads received in %(month)s; the %(months)s months before averaged %(mean)s (standard deviation %(sd)s); the same month last year had %(last_year)s.",
        "近%(days)s天本县（区）线索 %(n)s 件，占所在地市 %(total)s 件的 %(share)s%%。": "In the last %(days)s days this county (district) received %(n)s leads, %(share)s%% of its prefecture's %(total)s.",
        "当事人“%(name)s”近%(days)s天在 %(n)s 个省份有案件：%(provinces)s。": 'The party "%(name)s" has cases in %(n)s provinces within the last %(days)s days: %(provinces)s.',
        "“%(name)s”的侵权假冒案件近%(days)s天 %(cases)s 件（前%(days)s天 %(before)s 件），分布在 %(n)s 个省份：%(provinces)s。": 'Infringement cases involving "%(name)s": %(cases)s in the last %(days)s days (%(before)s in the %(days)s days before), in %(n)s provinces: %(provinces)s.',
        "%(year)s年立案 %(filed)s 件、移送 %(transferred)s 件（移送率 %(rate)s%%，全国 %(national)s%%）；应移未移 %(pending)s 件，移送环节逾期 %(overdue)s 件。": "In %(year)s: %(filed)s cases filed, %(transferred)s transferred (transfer rate %(rate)s%%, nationally %(national)s%%); %(pending)s suspected crimes not transferred; %(overdue)s transfers past a deadline.",
        "近%(days)s天关于“%(name)s”的举报 %(n)s 件。": '%(n)s tips about "%(name)s" in the last %(days)s days.',
        "地图指标": "Map indicator",
        "预警等级": "Warning level",
        "预警规则": "Warning rule",
        "未关闭": "Not closed",
        "研判意见或处置情况": "Assessment or how it was handled",
        "责任单位": "Responsible office",
        "预警对象": "About",
        "依据数据": "Figures",
        "首次发现": "First found",
        "最近一次确认": "Last confirmed",
        "研判意见": "Assessment",
        "研判时间": "Assessed at",
        "处置情况": "How it was handled",
        "关闭时间": "Warning closed at",
        "风险预警": "Risk warnings",
        "只有责任单位或其上级打击侵权假冒工作领导小组办公室可以处置该预警。": "Only the responsible office or a leading-group office above it may handle this warning.",
        "请写明研判意见或处置情况。": "Please write the assessment or how the warning was handled.",
        "说明不能超过%(n)s字。": "The assessment or note may not exceed %(n)s characters.",
        "说明含有不允许的控制字符。": "The note contains control characters that are not allowed.",
        "该预警当前状态为“%(s)s”，不能执行此操作，请刷新后查看。": 'This warning is now "%(s)s"; this step is not possible. Please reload the page.',
        "新的风险预警：%(rule)s": "New risk warning: %(rule)s",
        "移送率（%）": "Transfer rate (%)",
        "对比本地区平均": "Against the regional average",
        "对比全国平均": "Against the national average",
        "地区排名": "Regions ranked",
        "月份": "Month",
        "月度趋势": "Monthly trend",
        "指标": "Indicator",
        "%(w)s同比（%%）": "%(w)s year on year (%%)",
        "总量": "Totals",
        "排名": "Ranking",
        "排行": "Rankings",
        "达到或高于平均": "At or above the average",
        "低于平均": "Below the average",
        "不足平均的一半": "Below half the average",
        "无法比较": "Cannot be compared",
        "待研判处置的风险预警": "Risk warnings to assess and handle",
        "全部预警": "All warnings",
        "预警规则的阈值是平台工作规则，由领导小组办公室设定，不是法定标准；每日自动研判刷新数据，关闭后同一情形不再重复预警。": "The warning thresholds are platform working rules set by the leading-group office, not legal standards. The daily sweep refreshes the figures; once closed, the same situation is not warned about again.",
        "研判与处置": "Assess and handle",
        "统计看板": "Statistics dashboard",
        "预警由每日自动研判按预警规则生成（规则及阈值见每条预警），由所在地区打击侵权假冒工作领导小组办公室研判、处置并关闭。": "Warnings are raised by the daily sweep according to the warning rules (each warning names its rule and thresholds); the region's leading-group office assesses, handles and closes them.",
        "预警内容": "Finding",
        "没有符合条件的风险预警。": "No risk warnings match.",
        "打印": "Print",
        "地区层级": "Region levels",
        "统计截至 %(at)s（每 10 分钟更新）；地图、排名和红绿灯为本年（%(start)s 起）数据。只含您有权查看的记录，点击数字可查看对应清单。": "Figures as of %(at)s (refreshed every 10 minutes); the map, rankings and traffic lights cover this year (from %(start)s). Only records you may open are counted; click a figure to see its list.",
        "总量与同比": "Totals and year on year",
        "去年同期 %(n)s": "Same period last year: %(n)s",
        "去年同期为零，无法计算同比": "Zero in the same period last year: no year-on-year change",
        "同比 —": "Year on year —",
        "同比：与去年同一时段（同月同日截止）相比的增减百分比。": "Year on year: the change in per cent against the same period last year (up to the same day).",
        "各地区%(what)s": "%(what)s by region",
        "表格": "Show as table",
        "按地区着色的地图，点击地区查看下级": "Map coloured by region; click a region to open the level below",
        "对比平均": "Against the averages",
        "全国：": "Nationally: ",
        "本地区没有下级地区。": "This region has no regions below it.",
        "本地区平均移送率": "Regional average transfer rate",
        "全国平均移送率": "National average transfer rate",
        "绿：达到或高于平均；黄：低于平均；红：不足平均的一半。": "Green: at or above the average; yellow: below it; red: below half of it.",
        "月度趋势（近24个月）": "Monthly trend (last 24 months)",
        "各环节月度数量折线图": "Line chart of monthly counts per stage",
        "排行（本年行政立案）": "Rankings (cases filed this year)",
        "暂无数据": "No data yet",
        "未关闭的风险预警": "Open risk warnings",
        "本地区没有未关闭的风险预警。": "No open risk warnings in this region.",
    }
)
