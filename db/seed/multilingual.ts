/**
 * Consultations recorded in the language they were held in: a working-level meeting with METI
 * minuted in Japanese, and an industry consultation minuted in Hindi. User text is never
 * translated, so these show search, fonts and the PDF in both scripts. Seeded with the others.
 */
import type { DemoConsultation } from "./consultations";

export const MULTILINGUAL_CONSULTATIONS: DemoConsultation[] = [
  {
    title: "経済産業省との実務者協議：レアアース供給の移行期間について",
    local: "2025-11-12T15:00",
    zone: "Asia/Tokyo",
    mode: "video",
    kind: "bilateral",
    location: "ビデオ会議（東京・霞が関／ニューデリー）",
    participants: ["moci", "mea", "meti"],
    visibility: "shared",
    by: "official@accord.test",
    agenda: "1. 移行期間中の日本向け供給量の考え方\n2. 代替供給源に関する日本側の評価\n3. 磁石製造分野での日印協力の可能性",
    notes:
      "経済産業省側は、移行期間中も日本の磁石メーカーへの供給が途切れないことを最優先とする立場を改めて示した。\n\n以下は経済産業省が事前に共有した日本語のメモの要旨である。\n\n- 代替供給源の確保には少なくとも二年を要する見込み\n- 段階的な削減であれば検討の余地がある\n- 日本企業による対印投資（磁石製造）についても協議を継続したい\n\nインド側は、国内産業向けの需要見通しを説明し、友好的な再交渉を望むことを伝えた。",
    outcome: "段階的削減案を双方で検討し、次回協議までに数量案を交換することで一致した。",
    actions: [
      { description: "移行期間の数量案を経済産業省に送付する", owner: "moci", due: "2025-12-15", status: "open" },
      { description: "代替供給源に関する評価資料を共有する", owner: "meti", due: "2025-12-15", status: "open" },
    ],
  },
  {
    title: "SIAM के साथ दुर्लभ मृदा चुंबकों की माँग पर परामर्श",
    local: "2025-12-03T11:00",
    zone: "Asia/Kolkata",
    mode: "in_person",
    kind: "industry_consultation",
    location: "वाणिज्य भवन, नई दिल्ली",
    participants: ["moci", "siam", "acma"],
    visibility: "shared",
    by: "official@accord.test",
    agenda: "1. वर्ष 2026-27 के लिए नियोडिमियम ऑक्साइड की माँग\n2. घरेलू चुंबक निर्माण की समय-सीमा\n3. आयात पर निर्भरता कम करने के उपाय",
    notes:
      "बैठक का कार्यवृत्त हिन्दी में दर्ज किया गया।\n\nSIAM ने बताया कि इलेक्ट्रिक वाहनों के लिए चुंबकों की माँग अगले दो वर्षों में दोगुनी हो सकती है। ACMA ने घरेलू आपूर्ति की निरंतरता पर ज़ोर दिया।\n\nमंत्रालय ने आश्वासन दिया कि IREL के उत्पादन का बड़ा हिस्सा घरेलू उद्योग के लिए रखा जाएगा।",
    outcome: "उद्योग संघ 31 दिसंबर तक अपनी माँग का अनुमान लिखित रूप में भेजेंगे।",
    actions: [{ description: "2026-27 की माँग का लिखित अनुमान भेजना", owner: "siam", due: "2025-12-31", status: "open" }],
  },
];
