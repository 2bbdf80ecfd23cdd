package markup

// The words FixIt (hugo-fixit/FixIt, i18n/*.toml, as of 2026-08) titles
// an alert with when the alert gives none, by language (its file's name,
// lower case). Its render-blockquote-alert.html draws the basic syntax
// ("> [!NOTE]": one of basicAlerts, no sign, no title) with
// plugin/alert.html, titled T "alert.<type>"; any other (a sign, a title,
// another type) with plugin/admonition.html, titled T
// "admonition.<type>" of the type fixitAliases makes of it, else the
// type capitalised.

// fixitAlertWords are FixIt's [alert] words.
var fixitAlertWords = map[string]map[string]string{
	"de":    {"note": "Hinweis", "tip": "Tipp", "important": "Wichtig", "warning": "Warnung", "caution": "Vorsicht"},
	"en":    {"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"},
	"es":    {"note": "Nota", "tip": "Consejo", "important": "Importante", "warning": "Advertencia", "caution": "Precaución"},
	"fr":    {"note": "Remarque", "tip": "Astuce", "important": "Important", "warning": "Avertissement", "caution": "Attention"},
	"hi":    {"note": "ध्यान दें", "tip": "टिप", "important": "महत्वपूर्ण", "warning": "चेतावनी", "caution": "सावधान"},
	"it":    {"note": "Nota", "tip": "Suggerimento", "important": "Importante", "warning": "Avvertimento", "caution": "Attenzione"},
	"ja":    {"note": "注意", "tip": "ヒント", "important": "重要", "warning": "警告", "caution": "慎重"},
	"ko":    {"note": "노트", "tip": "팁", "important": "중요", "warning": "경고", "caution": "주의"},
	"pl":    {"note": "Notatka", "tip": "Wskazówka", "important": "Ważne", "warning": "Ostrzeżenie", "caution": "Ostrożność"},
	"pt-br": {"note": "Nota", "tip": "Sugestão", "important": "Importante", "warning": "Aviso", "caution": "Cuidado"},
	"ro":    {"note": "Notă", "tip": "Sfat", "important": "Important", "warning": "Avertisment", "caution": "Atenție"},
	"ru":    {"note": "Примечание", "tip": "Совет", "important": "Важно", "warning": "Предупреждение", "caution": "Осторожно"},
	"sr":    {"note": "Напомена", "tip": "Савет", "important": "Важно", "warning": "Упозорење", "caution": "Опрез"},
	"vi":    {"note": "Ghi chú", "tip": "Mẹo", "important": "Quan trọng", "warning": "Cảnh báo", "caution": "Chú ý"},
	"zh-cn": {"note": "注意", "tip": "提示", "important": "重要", "warning": "警告", "caution": "小心"},
	"zh-tw": {"note": "注意", "tip": "提示", "important": "重要", "warning": "警告", "caution": "小心"},
}

// fixitAdmonitionWords are FixIt's [admonition] words.
var fixitAdmonitionWords = map[string]map[string]string{
	"de":    {"note": "Notiz", "abstract": "Kurzfassung", "info": "Info", "todo": "Aufgabe", "tip": "Tipp", "success": "Erfolg", "question": "Frage", "warning": "Warnung", "failure": "Fehler", "danger": "Vorsicht", "bug": "Bug", "example": "Beispiel", "quote": "Zitat"},
	"en":    {"note": "Note", "abstract": "Abstract", "info": "Info", "todo": "Todo", "tip": "Tip", "success": "Success", "question": "Question", "warning": "Warning", "failure": "Failure", "danger": "Danger", "bug": "Bug", "example": "Example", "quote": "Quote"},
	"es":    {"note": "Nota", "abstract": "Resumen", "info": "Información", "todo": "Por hacer", "tip": "Consejo", "success": "Éxito", "question": "Pregunta", "warning": "Advertencia", "failure": "Fallo", "danger": "Peligro", "bug": "Error", "example": "Ejemplo", "quote": "Cita"},
	"fr":    {"note": "Remarque", "abstract": "Résumé", "info": "Info", "todo": "À faire", "tip": "Astuce", "success": "Succès", "question": "Question", "warning": "Avertissement", "failure": "Échec", "danger": "Danger", "bug": "Bug", "example": "Exemple", "quote": "Citation"},
	"hi":    {"note": "ध्यान दें", "abstract": "सारांश", "info": "जानकारी", "todo": "करने के लिए", "tip": "टिप", "success": "सफलता", "question": "प्रश्न", "warning": "चेतावनी", "failure": "असफलता", "danger": "खतरा", "bug": "बग", "example": "उदाहरण", "quote": "उद्धरण"},
	"it":    {"note": "Note", "abstract": "Sommario", "info": "Info", "todo": "Da fare", "tip": "Suggerimenti", "success": "Successo", "question": "Domande", "warning": "Avvertimento", "failure": "Fallimento", "danger": "Pericolo", "bug": "Bug", "example": "Esempio", "quote": "Citazione"},
	"ja":    {"note": "注意", "abstract": "要約", "info": "情報", "todo": "やること", "tip": "ヒント", "success": "成功", "question": "質問", "warning": "警告", "failure": "失敗", "danger": "危険", "bug": "バグ", "example": "例", "quote": "引用"},
	"ko":    {"note": "노트", "abstract": "초록", "info": "정보", "todo": "할 일", "tip": "팁", "success": "성공", "question": "질문", "warning": "경고", "failure": "실패", "danger": "위험", "bug": "버그", "example": "예시", "quote": "인용"},
	"pl":    {"note": "Notka", "abstract": "Streszczenie", "info": "Info", "todo": "Do zrobienia", "tip": "Wskazówka", "success": "Sukces", "question": "Pytanie", "warning": "Ostrzeżenie", "failure": "Błąd", "danger": "Niebezpieczeństwo", "bug": "Problem", "example": "Przykład", "quote": "Cytat"},
	"pt-br": {"note": "Nota", "abstract": "Resumo", "info": "Info", "todo": "A fazer", "tip": "Dica", "success": "Sucesso", "question": "Dúvida", "warning": "Aviso", "failure": "Falha", "danger": "Perigo", "bug": "Bug", "example": "Exemplo", "quote": "Citação"},
	"ro":    {"note": "Notă", "abstract": "Rezumat", "info": "Info", "todo": "De făcut", "tip": "Sfat", "success": "Succes", "question": "Întrebare", "warning": "Avertizare", "failure": "Eșec", "danger": "Pericol", "bug": "Bug", "example": "Exemplu", "quote": "Citat"},
	"ru":    {"note": "Замечание", "abstract": "Краткое описание", "info": "Инфо", "todo": "Сделать", "tip": "Совет", "success": "Удачто", "question": "Вопрос", "warning": "Предупреждение", "failure": "Отказ", "danger": "Опасность", "bug": "Ошибка", "example": "Пример", "quote": "Цитата"},
	"sr":    {"note": "Напомена", "abstract": "Сажетак", "info": "Инфо", "todo": "То-до", "tip": "Савет", "success": "Успех", "question": "Питање", "warning": "Упозорење", "failure": "Неуспех", "danger": "Опасност", "bug": "Грешка", "example": "Пример", "quote": "Цитат"},
	"vi":    {"note": "Ghi chú", "abstract": "Tóm tắt", "info": "Thông tin", "todo": "Cần làm", "tip": "Mẹo", "success": "Thành công", "question": "Câu hỏi", "warning": "Cảnh báo", "failure": "Thất bại", "danger": "Nguy hiểm", "bug": "Lỗi", "example": "Ví dụ", "quote": "Trích dẫn"},
	"zh-cn": {"note": "注意", "abstract": "摘要", "info": "信息", "todo": "待办", "tip": "技巧", "success": "成功", "question": "问题", "warning": "警告", "failure": "失败", "danger": "危险", "bug": "Bug", "example": "示例", "quote": "引用"},
	"zh-tw": {"note": "注意", "abstract": "摘要", "info": "資訊", "todo": "待辦", "tip": "提示", "success": "成功", "question": "問題", "warning": "警告", "failure": "失敗", "danger": "危險", "bug": "Bug", "example": "範例", "quote": "引用"},
}

// fixitAliases are the types plugin/admonition.html draws as another.
var fixitAliases = map[string]string{
	"summary": "abstract", "tldr": "abstract", "hint": "tip", "important": "tip", "check": "success",
	"done": "success", "help": "question", "faq": "question", "caution": "warning", "attention": "warning",
	"fail": "failure", "missing": "failure", "error": "danger", "cite": "quote",
}

// basicAlerts are GitHub's five types, which FixIt draws as alerts when
// no sign or title is given.
var basicAlerts = map[string]bool{"note": true, "tip": true, "important": true, "warning": true, "caution": true}
